package org.carecourse.contracts.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A session began: an infusion started, or a Spravato dose was given (mg/kg and weight null for
 * Spravato). {@code overriddenRules}: the protocol rules a prescriber set aside for it
 * ({@code dose-cap}, {@code minimum-spacing}, {@code series-count}, {@code series-window},
 * {@code spravato-bp-delay}); the reasons stay in treatment.
 */
public record SessionStarted(
        UUID courseId,
        UUID sessionId,
        @Size(max = FieldLimits.CODE) String modality,
        BigDecimal doseMg,
        BigDecimal mgPerKg,
        BigDecimal weightKg,
        boolean capOverridden,
        Instant startedAt,
        @Size(max = FieldLimits.LIST) List<@Size(max = FieldLimits.CODE) String> overriddenRules) implements EventPayload {

    public SessionStarted {
        overriddenRules = overriddenRules == null ? List.of() : List.copyOf(overriddenRules);
    }
}
