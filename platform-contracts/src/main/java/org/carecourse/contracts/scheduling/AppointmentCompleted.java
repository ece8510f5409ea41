package org.carecourse.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** The envelope's patient's appointment took place and was closed by the clinic. */
public record AppointmentCompleted(
        UUID appointmentId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String type,
        UUID courseId,
        Instant startsAt,
        Instant completedAt) implements EventPayload {
}
