package org.carecourse.contracts.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** A session began: an infusion started, or a Spravato dose was given (mg/kg and weight null for Spravato). */
public record SessionStarted(UUID courseId, UUID sessionId, String modality, BigDecimal doseMg, BigDecimal mgPerKg, BigDecimal weightKg, boolean capOverridden, Instant startedAt) implements EventPayload {
}
