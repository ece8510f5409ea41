package org.carecourse.scheduling.booking.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.scheduling.booking.api.RecordSeriesCommand;
import org.carecourse.scheduling.booking.api.SeriesBookedEvent;

/** A series booked at once (an induction): which appointments it is made of, for its patient's record. */
@Aggregate
class BookingSeries {

    @AggregateIdentifier
    private UUID seriesId;

    BookingSeries() {
        // for Axon
    }

    @CommandHandler
    BookingSeries(RecordSeriesCommand command) {
        apply(new SeriesBookedEvent(command.seriesId(), command.clinicId(), command.patientId(), command.courseId(), command.type(),
                command.appointmentIds(), command.firstStartsAt(), command.lastStartsAt()));
    }

    @EventSourcingHandler
    void on(SeriesBookedEvent event) {
        seriesId = event.seriesId();
    }
}
