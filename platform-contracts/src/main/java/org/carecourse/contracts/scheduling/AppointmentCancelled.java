package org.carecourse.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * The envelope's patient's appointment was cancelled ({@code reason}: {@code patient-request},
 * {@code clinic-request}, {@code illness}, {@code transport}, {@code other}); {@code late}: within
 * the clinic's notice period before {@code startsAt} (a late-cancel fee may apply).
 */
public record AppointmentCancelled(
        UUID appointmentId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String type,
        UUID courseId,
        Instant startsAt,
        @Size(max = FieldLimits.CODE) String reason,
        boolean late,
        Instant cancelledAt) implements EventPayload {
}
