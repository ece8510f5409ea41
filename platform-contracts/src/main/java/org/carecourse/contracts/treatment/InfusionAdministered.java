package org.carecourse.contracts.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** An IV infusion ended: start and stop drive the infusion billing codes. */
public record InfusionAdministered(
        UUID courseId,
        UUID sessionId,
        Instant startedAt,
        Instant stoppedAt,
        BigDecimal mgGiven,
        BigDecimal mgPerKg,
        BigDecimal weightKg) implements EventPayload {
}
