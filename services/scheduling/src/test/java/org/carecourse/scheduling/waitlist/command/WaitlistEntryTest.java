package org.carecourse.scheduling.waitlist.command;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.waitlist.api.WaitlistCommands;
import org.carecourse.scheduling.waitlist.api.WaitlistEvents;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaitlistEntryTest {

    private static final UUID ENTRY = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID CLINIC = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-03-01T15:00:00Z");
    private static final WaitlistEvents.Joined JOINED = new WaitlistEvents.Joined(ENTRY, PATIENT, AppointmentType.IV_INFUSION,
            List.of(CLINIC), NOW, NOW.plusSeconds(14 * 86_400), NOW);
    private static final WaitlistCommands.Slot SLOT = new WaitlistCommands.Slot(UUID.randomUUID(), CLINIC, UUID.randomUUID(),
            NOW.plusSeconds(3 * 86_400));

    private AggregateTestFixture<WaitlistEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WaitlistEntry.class);
    }

    @Test
    void aWaitingPatientIsOfferedAFreedSlotOnceAndNoSecondWhileTheOfferIsOpen() {
        WaitlistEvents.SlotOffered offered = new WaitlistEvents.SlotOffered(ENTRY, PATIENT, AppointmentType.IV_INFUSION, SLOT, NOW);
        fixture.given(JOINED).when(new WaitlistCommands.Offer(ENTRY, SLOT, NOW)).expectEvents(offered).expectResultMessagePayload(true);
        fixture.given(JOINED, offered).when(new WaitlistCommands.Offer(ENTRY, SLOT, NOW)).expectNoEvents().expectResultMessagePayload(false);
        WaitlistCommands.Slot another = new WaitlistCommands.Slot(UUID.randomUUID(), CLINIC, UUID.randomUUID(), NOW.plusSeconds(86_400));
        fixture.given(JOINED, offered).when(new WaitlistCommands.Offer(ENTRY, another, NOW)).expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aDeclinedOfferLeavesThePatientWaitingButTheSameSlotIsNeverOfferedAgain() {
        WaitlistEvents.SlotOffered offered = new WaitlistEvents.SlotOffered(ENTRY, PATIENT, AppointmentType.IV_INFUSION, SLOT, NOW);
        fixture.given(JOINED, offered).when(new WaitlistCommands.Decline(ENTRY, NOW))
                .expectEvents(new WaitlistEvents.OfferDeclined(ENTRY, PATIENT, SLOT, NOW));
        fixture.given(JOINED, offered, new WaitlistEvents.OfferDeclined(ENTRY, PATIENT, SLOT, NOW))
                .when(new WaitlistCommands.Offer(ENTRY, SLOT, NOW)).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void anOfferIsAcceptedOnceAndABookedEntryCannotBeLeft() {
        WaitlistEvents.SlotOffered offered = new WaitlistEvents.SlotOffered(ENTRY, PATIENT, AppointmentType.IV_INFUSION, SLOT, NOW);
        UUID appointment = UUID.randomUUID();
        fixture.given(JOINED, offered).when(new WaitlistCommands.Accept(ENTRY, appointment, NOW))
                .expectEvents(new WaitlistEvents.OfferAccepted(ENTRY, PATIENT, appointment, NOW));
        WaitlistEvents.OfferAccepted accepted = new WaitlistEvents.OfferAccepted(ENTRY, PATIENT, appointment, NOW);
        fixture.given(JOINED, offered, accepted).when(new WaitlistCommands.Accept(ENTRY, UUID.randomUUID(), NOW))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(JOINED, offered, accepted).when(new WaitlistCommands.Leave(ENTRY, NOW))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(JOINED).when(new WaitlistCommands.Accept(ENTRY, appointment, NOW)).expectException(BusinessRuleViolation.class);
    }

    @Test
    void anOfferNobodyAnswersExpiresAfterTwoHoursOrAtTheSlotsStartIfSooner() {
        fixture.givenCurrentTime(NOW).andGiven(JOINED).andGivenCommands(new WaitlistCommands.Offer(ENTRY, SLOT, NOW))
                .whenTimeAdvancesTo(NOW.plusSeconds(2 * 3600))
                .expectEvents(new WaitlistEvents.OfferExpired(ENTRY, PATIENT, SLOT, NOW.plusSeconds(2 * 3600)));
        WaitlistCommands.Slot soon = new WaitlistCommands.Slot(UUID.randomUUID(), CLINIC, UUID.randomUUID(), NOW.plusSeconds(1800));
        fixture.givenCurrentTime(NOW).andGiven(JOINED).andGivenCommands(new WaitlistCommands.Offer(ENTRY, soon, NOW))
                .whenTimeAdvancesTo(NOW.plusSeconds(1800))
                .expectEvents(new WaitlistEvents.OfferExpired(ENTRY, PATIENT, soon, NOW.plusSeconds(1800)));
        fixture.givenCurrentTime(NOW).andGiven(JOINED).andGivenCommands(new WaitlistCommands.Offer(ENTRY, SLOT, NOW),
                new WaitlistCommands.Decline(ENTRY, NOW.plusSeconds(60))).whenTimeAdvancesTo(NOW.plusSeconds(3 * 3600)).expectNoEvents();
    }

    @Test
    void aWaitEndsAfterItStarts() {
        fixture.givenNoPriorActivity()
                .when(new WaitlistCommands.Join(ENTRY, PATIENT, AppointmentType.CONSULT, List.of(CLINIC), NOW, NOW, NOW))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
    }
}
