package org.carecourse.scheduling.waitlist.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.waitlist.api.WaitlistCommands;
import org.carecourse.scheduling.waitlist.api.WaitlistEvents;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;

/**
 * One patient waiting for an earlier slot. It holds at most one open offer at a time and is never
 * offered the same freed slot twice, so a redelivered cancellation offers nothing again.
 */
@Aggregate
class WaitlistEntry {

    static final String OFFER_EXPIRY = "waitlist-offer-expiry";
    /** How long the front desk has to reach the patient about an offered slot. */
    static final Duration OFFER_HOLD = Duration.ofHours(2);

    @AggregateIdentifier
    private UUID entryId;
    private UUID patientId;
    private AppointmentType type;
    private Status status;
    private WaitlistCommands.Slot offer;
    private final Set<UUID> offeredFrom = new HashSet<>();

    WaitlistEntry() {
        // for Axon
    }

    @CommandHandler
    WaitlistEntry(WaitlistCommands.Join command) {
        if (!command.before().isAfter(command.notBefore())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "empty-wait", "the wait ends after it starts");
        }
        apply(new WaitlistEvents.Joined(command.entryId(), command.patientId(), command.type(), command.clinicIds(), command.notBefore(),
                command.before(), command.at()));
    }

    /**
     * Answers whether the slot was offered. An offer is held for {@link #OFFER_HOLD} (or until the
     * slot's start, if sooner); then, unanswered, it expires by its deadline and passes on.
     */
    @CommandHandler
    boolean handle(WaitlistCommands.Offer command, DeadlineManager deadlines) {
        if (status != Status.WAITING || offeredFrom.contains(command.slot().freedBy())) {
            return false;
        }
        apply(new WaitlistEvents.SlotOffered(entryId, patientId, type, command.slot(), command.at()));
        Instant hold = command.at().plus(OFFER_HOLD);
        Instant expires = hold.isBefore(command.slot().startsAt()) ? hold : command.slot().startsAt();
        deadlines.schedule(expires, OFFER_EXPIRY, new OfferExpiry(command.slot().freedBy(), expires));
        return true;
    }

    @DeadlineHandler(deadlineName = OFFER_EXPIRY)
    void on(OfferExpiry due) {
        if (status == Status.OFFERED && offer.freedBy().equals(due.freedBy())) {
            apply(new WaitlistEvents.OfferExpired(entryId, patientId, offer, due.at()));
        }
    }

    @CommandHandler
    void handle(WaitlistCommands.Accept command) {
        requireOffer();
        apply(new WaitlistEvents.OfferAccepted(entryId, patientId, command.appointmentId(), command.at()));
    }

    @CommandHandler
    void handle(WaitlistCommands.Decline command) {
        requireOffer();
        apply(new WaitlistEvents.OfferDeclined(entryId, patientId, offer, command.at()));
    }

    @CommandHandler
    void handle(WaitlistCommands.Leave command) {
        if (status == Status.BOOKED || status == Status.LEFT) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "waitlist-entry-closed", "the entry is " + status.name().toLowerCase());
        }
        apply(new WaitlistEvents.Left(entryId, patientId, command.at()));
    }

    private void requireOffer() {
        if (status != Status.OFFERED) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "no-open-offer", "the entry has no open offer");
        }
    }

    @EventSourcingHandler
    void on(WaitlistEvents.Joined event) {
        entryId = event.entryId();
        patientId = event.patientId();
        type = event.type();
        status = Status.WAITING;
    }

    @EventSourcingHandler
    void on(WaitlistEvents.SlotOffered event) {
        status = Status.OFFERED;
        offer = event.slot();
        offeredFrom.add(event.slot().freedBy());
    }

    @EventSourcingHandler
    void on(WaitlistEvents.OfferAccepted event) {
        status = Status.BOOKED;
    }

    @EventSourcingHandler
    void on(WaitlistEvents.OfferDeclined event) {
        status = Status.WAITING;
        offer = null;
    }

    @EventSourcingHandler
    void on(WaitlistEvents.OfferExpired event) {
        status = Status.WAITING;
        offer = null;
    }

    @EventSourcingHandler
    void on(WaitlistEvents.Left event) {
        status = Status.LEFT;
    }

    enum Status { WAITING, OFFERED, BOOKED, LEFT }

    /** The expiry deadline's payload: the offer it was set for. */
    record OfferExpiry(UUID freedBy, Instant at) {
    }
}
