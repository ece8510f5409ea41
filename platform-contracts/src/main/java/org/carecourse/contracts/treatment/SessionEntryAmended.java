package org.carecourse.contracts.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A charted entry of a session was corrected ({@code entry}: {@code weight}, {@code vitals},
 * {@code stop-time} or {@code controlled-substance}). Carries what consumers act on: the
 * corrected stop time (billing's 96365/96366), amount given or weight; null for other entries.
 * The reason and the readings stay in treatment.
 */
public record SessionEntryAmended(
        UUID courseId,
        UUID sessionId,
        @Size(max = FieldLimits.CODE) String entry,
        Instant stoppedAt,
        BigDecimal givenMg,
        BigDecimal weightKg) implements EventPayload {
}
