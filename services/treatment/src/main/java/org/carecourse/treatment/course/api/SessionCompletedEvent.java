package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.Vitals;

@Revision("1")
public record SessionCompletedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, Vitals dischargeVitals,
        Instant completedAt) {
}
