package org.carecourse.contracts.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** A session began: an infusion started, or a Spravato dose was given (mg/kg and weight null for Spravato). */
public record SessionStarted(
        UUID courseId,
        UUID sessionId,
        @Size(max = FieldLimits.CODE) String modality,
        BigDecimal doseMg,
        BigDecimal mgPerKg,
        BigDecimal weightKg,
        boolean capOverridden,
        Instant startedAt) implements EventPayload {
}
