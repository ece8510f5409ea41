package org.carecourse.scheduling.booking.command;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.scheduling.booking.api.AppointmentBookedEvent;
import org.carecourse.scheduling.booking.api.AppointmentType;
import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.api.ChairDays;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChairDayTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID CHAIR = UUID.randomUUID();
    private static final String DAY = ChairDays.id(CHAIR, LocalDate.of(2026, 12, 7));
    private static final Instant NINE = Instant.parse("2026-12-07T16:00:00Z");
    private static final Instant TEN_THIRTY = Instant.parse("2026-12-07T17:30:00Z");

    private AggregateTestFixture<ChairDay> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChairDay.class);
    }

    private static BookAppointmentCommand book(UUID appointment, Instant from, Instant to) {
        return new BookAppointmentCommand(DAY, appointment, CLINIC, CHAIR, UUID.randomUUID(), AppointmentType.IV_INFUSION, from, to);
    }

    private static AppointmentBookedEvent booked(BookAppointmentCommand command) {
        return new AppointmentBookedEvent(DAY, command.appointmentId(), CLINIC, CHAIR, command.patientId(), command.type(),
                command.startsAt(), command.endsAt());
    }

    @Test
    void aFreeChairIsBookedAndAnOverlappingBookingIsRefusedNamingTheConflict() {
        BookAppointmentCommand first = book(UUID.randomUUID(), NINE, TEN_THIRTY);
        fixture.givenNoPriorActivity().when(first).expectEvents(booked(first));
        fixture.given(booked(first))
                .when(book(UUID.randomUUID(), TEN_THIRTY.minusSeconds(60), TEN_THIRTY.plusSeconds(3600)))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString(TEN_THIRTY.toString()))
                .expectNoEvents();
        fixture.given(booked(first))
                .when(book(UUID.randomUUID(), NINE.plusSeconds(600), NINE.plusSeconds(1200)))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    @Test
    void backToBackBookingsDoNotOverlap() {
        BookAppointmentCommand first = book(UUID.randomUUID(), NINE, TEN_THIRTY);
        BookAppointmentCommand next = book(UUID.randomUUID(), TEN_THIRTY, TEN_THIRTY.plusSeconds(5400));
        fixture.given(booked(first)).when(next).expectEvents(booked(next));
        BookAppointmentCommand before = book(UUID.randomUUID(), NINE.minusSeconds(3600), NINE);
        fixture.given(booked(first)).when(before).expectEvents(booked(before));
    }

    @Test
    void anAppointmentMustEndAfterItStarts() {
        fixture.givenNoPriorActivity().when(book(UUID.randomUUID(), NINE, NINE))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
    }
}
