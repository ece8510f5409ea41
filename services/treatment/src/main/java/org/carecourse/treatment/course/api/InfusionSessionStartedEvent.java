package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.Vitals;

/**
 * Revision 2 keeps each override with who, when and why ({@code capOverride}, and the new
 * {@code spacingOverride}); revision 1 held the cap override's reason alone and is upcast on read.
 */
@Revision("2")
public record InfusionSessionStartedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, Vitals vitals,
        BigDecimal weightKg, Instant weightMeasuredAt, BigDecimal mgPerKg, BigDecimal doseMg, ClinicalOverride capOverride,
        ClinicalOverride spacingOverride, Instant startedAt) {
}
