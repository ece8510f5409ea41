package org.carecourse.scheduling.booking.notification;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.scheduling.booking.api.AppointmentEvents;
import org.carecourse.scheduling.clinic.query.ClinicDirectoryProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Hands each due reminder to the notification port, on a tracking processor of its own: a slow or
 * failing adapter is retried there and never holds up a booking. A replay sends nothing again.
 */
@Component
@ProcessingGroup("scheduling-reminders")
class ReminderRelay {

    private final AppointmentNotifications notifications;
    private final ClinicDirectoryProjection clinics;

    ReminderRelay(AppointmentNotifications notifications, ClinicDirectoryProjection clinics) {
        this.notifications = notifications;
        this.clinics = clinics;
    }

    @EventHandler
    void on(AppointmentEvents.ReminderDue due) {
        ZoneId zone = clinics.requireZone(due.clinicId());
        notifications.remind(new AppointmentNotifications.Reminder(due.appointmentId(), due.patientId(), due.clinicId(),
                due.type().code(), due.startsAt(), LocalDateTime.ofInstant(due.startsAt(), zone), zone.getId(), due.leadHours(),
                due.instructions()));
    }

    @ResetHandler
    void reset() {
        throw new IllegalStateException("reminders are sent once; their processor is never replayed");
    }

    /** The local adapter; a deployment's email or SMS adapter is declared {@code @Primary} beside it. */
    @Configuration(proxyBeanMethods = false)
    static class Adapters {

        @Bean
        AppointmentNotifications loggingNotifications() {
            return new LoggingNotifications();
        }
    }
}
