package org.carecourse.scheduling.waitlist.offer;

import java.time.Clock;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.contracts.Actor;
import org.carecourse.scheduling.SchedulingApplication;
import org.carecourse.scheduling.booking.api.AppointmentEvents;
import org.carecourse.scheduling.booking.planning.BookingPlanner;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.waitlist.api.WaitlistCommands;
import org.carecourse.scheduling.waitlist.api.WaitlistEvents;
import org.carecourse.scheduling.waitlist.query.WaitlistBoard;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.springframework.stereotype.Component;

/**
 * A cancellation or a reschedule frees a slot: it is offered to the first waiting patient it suits (the clinic,
 * the type, their window, and every rule a booking meets, now), on a processor of its own so a
 * cancellation is never slowed by it. Each entry refuses a second offer of the same slot, so a
 * replayed cancellation offers nothing twice; the front desk confirms the offer. A declined or
 * expired offer passes to the next patient the slot suits.
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
        appointments.find(cancelled.appointmentId()).ifPresent(freed -> offer(cancelled.type(), new WaitlistCommands.Slot(
                cancelled.appointmentId(), cancelled.clinicId(), freed.chairId(), cancelled.startsAt())));
    }

    /** A reschedule frees the slot it leaves just as a cancellation does. */
    @EventHandler
    void on(AppointmentEvents.Rescheduled moved) {
        if (!moved.previousStartsAt().isAfter(clock.instant())) {
            return;
        }
        appointments.find(moved.appointmentId()).ifPresent(freed -> offer(AppointmentType.fromCode(freed.type()),
                new WaitlistCommands.Slot(moved.appointmentId(), moved.clinicId(), freed.chairId(), moved.previousStartsAt())));
    }

    /** A declined offer passes to the next waiting patient it suits. */
    @EventHandler
    void on(WaitlistEvents.OfferDeclined declined) {
        passOn(declined.entryId(), declined.slot());
    }

    /** So does one nobody answered in time. */
    @EventHandler
    void on(WaitlistEvents.OfferExpired expired) {
        passOn(expired.entryId(), expired.slot());
    }

    private void passOn(UUID entryId, WaitlistCommands.Slot slot) {
        if (slot.startsAt().isAfter(clock.instant())) {
            waitlist.find(entryId).ifPresent(entry -> offer(AppointmentType.fromCode(entry.type()), slot));
        }
    }

    /** Offers the slot to the first waiting entry it suits now; an entry that had this slot refuses it and the next is asked. */
    private void offer(AppointmentType type, WaitlistCommands.Slot slot) {
        BookingPlanner.Clinic clinic = planner.clinic(slot.clinicId());
        for (WaitlistBoard.Entry entry : waitlist.waitingFor(type, slot.clinicId(), slot.startsAt())) {
            boolean fits = planner.bookable(clinic, BookingPlanner.Wish.of(entry.patientId(), type, slot.startsAt(),
                    slot.chairId()), clock.instant()).isPresent();
            if (fits && Boolean.TRUE.equals(commands.sendAs(Actor.system(SchedulingApplication.NAME), slot.clinicId(), null,
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
