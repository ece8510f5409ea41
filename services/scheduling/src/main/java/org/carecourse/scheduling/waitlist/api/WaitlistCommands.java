package org.carecourse.scheduling.waitlist.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.scheduling.clinic.api.AppointmentType;

/** A patient's wish for an earlier slot, and what becomes of it. */
public final class WaitlistCommands {

    private WaitlistCommands() {
    }

    /** Waits for a slot of the type at one of the clinics, starting from {@code notBefore} and before {@code before}. */
    public record Join(@TargetAggregateIdentifier UUID entryId, UUID patientId, AppointmentType type, List<UUID> clinicIds,
            Instant notBefore, Instant before, Instant at) {
    }

    /** A cancellation freed {@code slot}; the entry is offered it unless it has an offer open or had this one. */
    public record Offer(@TargetAggregateIdentifier UUID entryId, Slot slot, Instant at) {
    }

    /** The front desk booked the offered slot as {@code appointmentId}. */
    public record Accept(@TargetAggregateIdentifier UUID entryId, UUID appointmentId, Instant at) {
    }

    /** The patient does not take the offered slot; the entry waits again. */
    public record Decline(@TargetAggregateIdentifier UUID entryId, Instant at) {
    }

    public record Leave(@TargetAggregateIdentifier UUID entryId, Instant at) {
    }

    /** A freed slot: the cancelled appointment it comes from and where it is. */
    public record Slot(UUID freedBy, UUID clinicId, UUID chairId, Instant startsAt) {
    }
}
