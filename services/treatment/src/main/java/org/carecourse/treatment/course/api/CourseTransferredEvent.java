package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CourseTransferredEvent(UUID courseId, UUID patientId, UUID fromClinicId, UUID toClinicId, String reason,
        Instant at) {
}
