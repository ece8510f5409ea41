package org.carecourse.scheduling.booking.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.scheduling.booking.api.AppointmentBookedEvent;
import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;

/**
 * One chair on one day of its clinic: every booking of it, so two bookings of the chair can never
 * overlap. Commands on it are serialised by its lock; the bookings table's exclusion constraint
 * guards the same rule a second time, and guards the patient across chairs and clinics.
 */
@Aggregate
class ChairDay {

    @AggregateIdentifier
    private String chairDay;
    private List<Booked> bookings = new ArrayList<>();

    ChairDay() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BookAppointmentCommand command) {
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "empty-appointment", "an appointment ends after it starts");
        }
        for (Booked booked : bookings) {
            if (booked.startsAt().isBefore(command.endsAt()) && command.startsAt().isBefore(booked.endsAt())) {
                throw new BusinessRuleViolation(Kind.CONFLICT, "chair-taken", "the chair is booked " + booked.startsAt() + " to "
                        + booked.endsAt(), Map.of("conflicts", List.of(Map.of("appointmentId", booked.appointmentId().toString(),
                                "startsAt", booked.startsAt().toString(), "endsAt", booked.endsAt().toString()))));
            }
        }
        apply(new AppointmentBookedEvent(command.chairDay(), command.appointmentId(), command.clinicId(), command.chairId(),
                command.patientId(), command.type(), command.startsAt(), command.endsAt()));
    }

    @EventSourcingHandler
    void on(AppointmentBookedEvent event) {
        chairDay = event.chairDay();
        bookings.add(new Booked(event.appointmentId(), event.startsAt(), event.endsAt()));
    }

    private record Booked(UUID appointmentId, Instant startsAt, Instant endsAt) {
    }
}
