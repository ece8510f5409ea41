package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.Vitals;

/** Discharge; {@code fortyMinuteVitals} is the Spravato ~40-minute BP check (null for IV sessions). */
@Revision("1")
public record SessionCompletedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, Vitals dischargeVitals,
        Vitals fortyMinuteVitals, Instant completedAt) {
}
