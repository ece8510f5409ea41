package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AdverseEventReportedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, String type,
        String severity, String action, Instant at) {
}
