package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.Vitals;

@Revision("1")
public record SpravatoSessionStartedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, int doseMg,
        Vitals preDoseVitals, Instant dosedAt) {
}
