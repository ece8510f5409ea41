package org.carecourse.scheduling.booking.notification;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The port reminders leave scheduling through: an email or SMS adapter of the chain's choosing
 * looks the patient's contact up where it lives (consultations) by id; scheduling hands it no PHI.
 * A reminder may be handed over again after a crash: {@link Reminder#key()} lets an adapter send it once.
 */
public interface AppointmentNotifications {

    void remind(Reminder reminder);

    /** {@code localStart} in {@code zone}: the clinic's clock, as the patient reads it. */
    record Reminder(UUID appointmentId, UUID patientId, UUID clinicId, String type, Instant startsAt, LocalDateTime localStart,
            String zone, int leadHours, String instructions) {

        public String key() {
            return appointmentId + "/" + leadHours + "h";
        }
    }
}
