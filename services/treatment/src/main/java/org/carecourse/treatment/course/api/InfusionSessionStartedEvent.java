package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.Vitals;

/**
 * Revision 2 keeps every override the start needed (dose cap, spacing, the series' count or
 * window) as rule, who, when and why; revision 1 held a dose-cap override's reason alone and is
 * upcast on read.
 */
@Revision("2")
public record InfusionSessionStartedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, Vitals vitals,
        BigDecimal weightKg, Instant weightMeasuredAt, BigDecimal mgPerKg, BigDecimal doseMg, List<ClinicalOverride> overrides,
        Instant startedAt) {

    public InfusionSessionStartedEvent {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }
}
