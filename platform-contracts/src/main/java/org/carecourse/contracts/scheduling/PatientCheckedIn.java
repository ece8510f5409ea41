package org.carecourse.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** The envelope's patient arrived for an appointment. */
public record PatientCheckedIn(
        UUID appointmentId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String type,
        UUID courseId,
        Instant startsAt,
        Instant checkedInAt) implements EventPayload {
}
