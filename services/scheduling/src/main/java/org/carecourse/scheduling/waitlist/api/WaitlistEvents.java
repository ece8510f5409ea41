package org.carecourse.scheduling.waitlist.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.scheduling.clinic.api.AppointmentType;

public final class WaitlistEvents {

    private WaitlistEvents() {
    }

    @Revision("1")
    public record Joined(UUID entryId, UUID patientId, AppointmentType type, List<UUID> clinicIds, Instant notBefore, Instant before,
            Instant at) {

        public Joined {
            clinicIds = List.copyOf(clinicIds);
        }
    }

    @Revision("1")
    public record SlotOffered(UUID entryId, UUID patientId, AppointmentType type, WaitlistCommands.Slot slot, Instant at) {
    }

    @Revision("1")
    public record OfferAccepted(UUID entryId, UUID patientId, UUID appointmentId, Instant at) {
    }

    @Revision("1")
    public record OfferDeclined(UUID entryId, UUID patientId, WaitlistCommands.Slot slot, Instant at) {
    }

    /** Nobody answered the offer in time (two hours, or the slot's start if sooner); the entry waits again. */
    @Revision("1")
    public record OfferExpired(UUID entryId, UUID patientId, WaitlistCommands.Slot slot, Instant at) {
    }

    @Revision("1")
    public record Left(UUID entryId, UUID patientId, Instant at) {
    }
}
