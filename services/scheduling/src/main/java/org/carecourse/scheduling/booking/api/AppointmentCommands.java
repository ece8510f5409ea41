package org.carecourse.scheduling.booking.api;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The steps of a booked appointment, each sent to the clinic day that holds it. */
public final class AppointmentCommands {

    private AppointmentCommands() {
    }

    /** Late when {@code at} falls within {@code noticeHours} of the start. */
    public record Cancel(@TargetAggregateIdentifier String clinicDay, UUID appointmentId, CancelReason reason, String note,
            int noticeHours, Instant at) {
    }

    /** Gives up the appointment's time for {@code newAppointmentId}, booked in the same transaction. */
    public record Reschedule(@TargetAggregateIdentifier String clinicDay, UUID appointmentId, UUID newAppointmentId,
            Instant newStartsAt, int noticeHours, Instant at) {
    }

    public record CheckIn(@TargetAggregateIdentifier String clinicDay, UUID appointmentId, Instant at) {

        /** Check-in opens this long before the appointment's start. */
        public static final Duration OPENS_BEFORE_START = Duration.ofHours(2);
    }

    public record Complete(@TargetAggregateIdentifier String clinicDay, UUID appointmentId, Instant at) {
    }
}
