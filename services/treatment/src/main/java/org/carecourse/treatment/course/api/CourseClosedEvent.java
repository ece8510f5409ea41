package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CourseClosedEvent(UUID courseId, UUID patientId, UUID clinicId, Phase outcome, String reason, Instant at) {
}
