package org.carecourse.scheduling.booking.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The local adapter: logs that a reminder is due, by ids only. */
class LoggingNotifications implements AppointmentNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifications.class);

    @Override
    public void remind(Reminder reminder) {
        LOG.info("reminder {} due: patient {} at clinic {}, {} at {} {}", reminder.key(), reminder.patientId(), reminder.clinicId(),
                reminder.type(), reminder.localStart(), reminder.zone());
    }
}
