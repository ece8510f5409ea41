package org.carecourse.scheduling.waitlist.offer;

import java.time.Clock;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.contracts.Actor;
import org.carecourse.scheduling.SchedulingApplication;
import org.carecourse.scheduling.booking.api.AppointmentEvents;
import org.carecourse.scheduling.booking.planning.BookingPlanner;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.waitlist.api.WaitlistCommands;
import org.carecourse.scheduling.waitlist.query.WaitlistBoard;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.springframework.stereotype.Component;

/**
 * A cancellation frees a slot: it is offered to the first waiting patient it suits (the clinic,
 * the type, their window, and every rule a booking meets, now), on a processor of its own so a
 * cancellation is never slowed by it. Each entry refuses a second offer of the same slot, so a
 * replayed cancellation offers nothing twice; the front desk confirms the offer.
 */
@Component
@ProcessingGroup("scheduling-waitlist")
class CancellationOffers {

    private final WaitlistBoard waitlist;
    private final BookingPlanner planner;
    private final AppointmentBook appointments;
    private final CommandDispatch commands;
    private final Clock clock;

    CancellationOffers(WaitlistBoard waitlist, BookingPlanner planner, AppointmentBook appointments, CommandDispatch commands,
            Clock clock) {
        this.waitlist = waitlist;
        this.planner = planner;
        this.appointments = appointments;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(AppointmentEvents.Cancelled cancelled) {
        if (!cancelled.startsAt().isAfter(clock.instant())) {
            return;
        }
        AppointmentBook.Appointment freed = appointments.find(cancelled.appointmentId()).orElse(null);
        if (freed == null) {
            return;
        }
        BookingPlanner.Clinic clinic = planner.clinic(cancelled.clinicId());
        WaitlistCommands.Slot slot = new WaitlistCommands.Slot(cancelled.appointmentId(), cancelled.clinicId(), freed.chairId(),
                cancelled.startsAt());
        for (WaitlistBoard.Entry entry : waitlist.waitingFor(cancelled.type(), cancelled.clinicId(), cancelled.startsAt())) {
            boolean fits = planner.bookable(clinic, new BookingPlanner.Wish(entry.patientId(), cancelled.type(), cancelled.startsAt(),
                    freed.chairId(), null, null, null, null), clock.instant()).isPresent();
            if (fits && Boolean.TRUE.equals(commands.sendAs(Actor.system(SchedulingApplication.NAME), cancelled.clinicId(), null,
                    new WaitlistCommands.Offer(entry.entryId(), slot, clock.instant())))) {
                return;
            }
        }
    }

    @ResetHandler
    void reset() {
        throw new IllegalStateException("offers are made once; their processor is never replayed");
    }
}
