package org.carecourse.scheduling.booking.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.scheduling.clinic.api.AppointmentType;

/** What happened to a booked appointment; each names what billing, treatment and reminders need. */
public final class AppointmentEvents {

    private AppointmentEvents() {
    }

    @Revision("1")
    public record Cancelled(String clinicDay, UUID appointmentId, UUID clinicId, UUID patientId, UUID courseId, AppointmentType type,
            Instant startsAt, CancelReason reason, String note, boolean late, Instant at) {
    }

    @Revision("1")
    public record Rescheduled(String clinicDay, UUID appointmentId, UUID clinicId, UUID patientId, UUID newAppointmentId,
            Instant previousStartsAt, Instant newStartsAt, boolean late, Instant at) {
    }

    @Revision("1")
    public record CheckedIn(String clinicDay, UUID appointmentId, UUID clinicId, UUID patientId, UUID courseId, AppointmentType type,
            Instant startsAt, Instant at) {
    }

    @Revision("1")
    public record Completed(String clinicDay, UUID appointmentId, UUID clinicId, UUID patientId, UUID courseId, AppointmentType type,
            Instant startsAt, Instant at) {
    }

    /** Decided by the no-show deadline: not checked in by the grace period after the start. */
    @Revision("1")
    public record NoShowed(String clinicDay, UUID appointmentId, UUID clinicId, UUID patientId, UUID courseId, AppointmentType type,
            Instant startsAt, Instant at) {
    }

    /** A reminder's deadline came while the appointment still stood; the notification port sends it. */
    @Revision("1")
    public record ReminderDue(String clinicDay, UUID appointmentId, UUID clinicId, UUID patientId, AppointmentType type,
            Instant startsAt, int leadHours, String instructions, Instant at) {
    }
}
