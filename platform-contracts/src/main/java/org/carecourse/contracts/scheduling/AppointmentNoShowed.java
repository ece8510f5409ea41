package org.carecourse.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * The envelope's patient was not checked in by the clinic's grace period after {@code startsAt}
 * (decided at {@code noShowAt} by a deadline, not by anyone); a no-show fee may apply.
 */
public record AppointmentNoShowed(
        UUID appointmentId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String type,
        UUID courseId,
        Instant startsAt,
        Instant noShowAt) implements EventPayload {
}
