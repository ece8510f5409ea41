package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The infusion ended; {@code vitalsCadenceMissed} counts intervals longer than the protocol's
 * vitals cadence. Revision 2 adds why it stopped ({@code stopReason}, {@code stopNote}); revision 1
 * events read them as null (not recorded then).
 */
@Revision("2")
public record InfusionAdministeredEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, Instant startedAt,
        Instant stoppedAt, BigDecimal mgGiven, BigDecimal mgPerKg, BigDecimal weightKg, int vitalsCadenceMissed,
        StopReason stopReason, String stopNote) {
}
