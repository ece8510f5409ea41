package org.carecourse.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * An appointment was booked on a chair of a clinic for the envelope's patient ({@code type}:
 * {@code consult}, {@code iv-infusion}, {@code spravato}, {@code booster}); {@code startsAt}
 * inclusive, {@code endsAt} exclusive.
 */
public record AppointmentBooked(
        UUID appointmentId,
        UUID clinicId,
        UUID chairId,
        @Size(max = FieldLimits.CODE) String type,
        Instant startsAt,
        Instant endsAt) implements EventPayload {
}
