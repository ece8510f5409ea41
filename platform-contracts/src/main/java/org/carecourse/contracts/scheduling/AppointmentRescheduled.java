package org.carecourse.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/**
 * The envelope's patient's appointment moved: {@code appointmentId} no longer holds its time, and
 * {@code newAppointmentId} (whose AppointmentBooked names {@code rescheduledFrom}) replaces it.
 * {@code late}: moved within the clinic's notice period before the original start.
 */
public record AppointmentRescheduled(
        UUID appointmentId,
        UUID newAppointmentId,
        UUID clinicId,
        Instant previousStartsAt,
        Instant startsAt,
        boolean late) implements EventPayload {
}
