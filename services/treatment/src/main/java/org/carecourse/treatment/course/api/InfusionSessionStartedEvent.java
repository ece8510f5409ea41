package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.Vitals;

@Revision("1")
public record InfusionSessionStartedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, Vitals vitals,
        BigDecimal weightKg, Instant weightMeasuredAt, BigDecimal mgPerKg, BigDecimal doseMg, String capOverrideReason,
        Instant startedAt) {
}
