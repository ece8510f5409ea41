package org.carecourse.scheduling.booking.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.scheduling.booking.api.AppointmentBookedEvent;
import org.carecourse.scheduling.booking.api.AppointmentCommands;
import org.carecourse.scheduling.booking.api.AppointmentEvents;
import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.api.CancelReason;
import org.carecourse.scheduling.booking.api.ClinicDays;
import org.carecourse.scheduling.booking.capacity.DayCapacity;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClinicDayTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID CHAIR_1 = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID CHAIR_2 = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID CHAIR_3 = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID NURSE = UUID.fromString("00000000-0000-4000-8000-0000000000aa");
    private static final String DAY = ClinicDays.id(CLINIC, LocalDate.of(2027, 3, 8));
    /** 09:00 in Denver on Monday 2027-03-08 (MST). */
    private static final Instant NINE = Instant.parse("2027-03-08T16:00:00Z");
    private static final Duration INFUSION = Duration.ofMinutes(70);
    private static final Duration TURNOVER = Duration.ofMinutes(15);

    private AggregateTestFixture<ClinicDay> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClinicDay.class);
    }

    /** A refusal naming the rule. */
    static Matcher<Object> rule(String rule) {
        return new TypeSafeMatcher<>(BusinessRuleViolation.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return rule.equals(((BusinessRuleViolation) item).rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal under rule ").appendValue(rule);
            }
        };
    }

    /** An infusion from {@code start}, any of {@code chairs}, one nurse monitoring two at once; no-show after 15 min. */
    private static BookAppointmentCommand book(UUID patient, Instant start, List<UUID> chairs, String overrideReason) {
        Instant end = start.plus(INFUSION);
        return new BookAppointmentCommand(DAY, UUID.randomUUID(), CLINIC, patient, UUID.randomUUID(), AppointmentType.IV_INFUSION,
                start, end, end.plus(TURNOVER), chairs, List.of(new DayCapacity.OnShift(NURSE, 2)), overrideReason, null, null,
                start.plus(Duration.ofMinutes(15)), List.of(new BookAppointmentCommand.Reminder(start.minus(Duration.ofHours(48)), 48),
                        new BookAppointmentCommand.Reminder(start.minus(Duration.ofHours(2)), 2)), "Fast for 6 hours.", null);
    }

    private static BookAppointmentCommand book(Instant start, UUID... chairs) {
        return book(UUID.randomUUID(), start, List.of(chairs), null);
    }

    private static AppointmentBookedEvent booked(BookAppointmentCommand command, UUID chair, int seat) {
        return new AppointmentBookedEvent(DAY, command.appointmentId(), CLINIC, chair, NURSE, seat, command.patientId(),
                command.courseId(), command.type(), command.startsAt(), command.endsAt(), command.chairFreeAt(), command.overrideReason(),
                null, null, null);
    }

    @Test
    void aChairStaysTakenThroughItsTurnoverAndTheRefusalNamesTheAppointment() {
        BookAppointmentCommand first = book(NINE, CHAIR_1);
        fixture.givenNoPriorActivity().when(first).expectEvents(booked(first, CHAIR_1, 0));
        Instant duringTurnover = NINE.plus(INFUSION).plus(Duration.ofMinutes(10));
        fixture.given(booked(first, CHAIR_1, 0)).when(book(duringTurnover, CHAIR_1))
                .expectException(rule("chair-taken")).expectExceptionMessage(containsString("turnover"))
                .expectNoEvents();
        BookAppointmentCommand afterTurnover = book(NINE.plus(INFUSION).plus(TURNOVER), CHAIR_1);
        fixture.given(booked(first, CHAIR_1, 0)).when(afterTurnover).expectEvents(booked(afterTurnover, CHAIR_1, 0));
    }

    @Test
    void aNurseMonitorsAsManyConcurrentInfusionsAsTheRatioAllowsAndNoMore() {
        BookAppointmentCommand first = book(NINE, CHAIR_1, CHAIR_2, CHAIR_3);
        BookAppointmentCommand second = book(NINE.plus(Duration.ofMinutes(30)), CHAIR_1, CHAIR_2, CHAIR_3);
        fixture.given(booked(first, CHAIR_1, 0)).when(second).expectEvents(booked(second, CHAIR_2, 1));
        BookAppointmentCommand third = book(NINE.plus(Duration.ofMinutes(45)), CHAIR_1, CHAIR_2, CHAIR_3);
        fixture.given(booked(first, CHAIR_1, 0), booked(second, CHAIR_2, 1)).when(third)
                .expectException(rule("staff-at-capacity")).expectNoEvents();
        // Once the first infusion ends its seat is free again; its chair still turns over, so the next free chair is taken.
        BookAppointmentCommand later = book(NINE.plus(INFUSION), CHAIR_1, CHAIR_2, CHAIR_3);
        fixture.given(booked(first, CHAIR_1, 0), booked(second, CHAIR_2, 1)).when(later).expectEvents(booked(later, CHAIR_3, 0));
    }

    @Test
    void noClinicianOnShiftIsARefusalNotAConflict() {
        BookAppointmentCommand nobody = new BookAppointmentCommand(DAY, UUID.randomUUID(), CLINIC, UUID.randomUUID(), null,
                AppointmentType.CONSULT, NINE, NINE.plus(Duration.ofMinutes(30)), NINE.plus(Duration.ofMinutes(40)), List.of(CHAIR_1),
                List.of(), null, null, null, NINE.plus(Duration.ofMinutes(15)), List.of(), "", null);
        fixture.givenNoPriorActivity().when(nobody).expectException(rule("no-staff-on-shift"))
                .expectExceptionMessage(containsString("no clinician"));
    }

    @Test
    void aPatientIsNeverInTwoAppointmentsEvenWithAnAdminsOverride() {
        UUID patient = UUID.randomUUID();
        BookAppointmentCommand first = book(patient, NINE, List.of(CHAIR_1), null);
        fixture.given(booked(first, CHAIR_1, 0)).when(book(patient, NINE.plus(Duration.ofMinutes(30)), List.of(CHAIR_2), "emergency"))
                .expectException(rule("patient-double-booking")).expectNoEvents();
    }

    @Test
    void anAdminsOverrideBooksATakenChairAndKeepsTheReason() {
        BookAppointmentCommand first = book(NINE, CHAIR_1);
        BookAppointmentCommand overbooked = book(UUID.randomUUID(), NINE, List.of(CHAIR_1), "chair 2 broke; doubling up in room 1");
        fixture.given(booked(first, CHAIR_1, 0)).when(overbooked).expectEvents(booked(overbooked, CHAIR_1, 0));
    }

    @Test
    void eachBookingSchedulesItsNoShowAndRemindersAsDeadlines() {
        BookAppointmentCommand first = book(NINE, CHAIR_1);
        fixture.givenNoPriorActivity().andGivenCurrentTime(NINE.minus(Duration.ofDays(3))).when(first)
                .expectScheduledDeadlineWithName(NINE.plus(Duration.ofMinutes(15)), ClinicDay.NO_SHOW)
                .expectScheduledDeadlineWithName(NINE.minus(Duration.ofHours(48)), ClinicDay.REMINDER)
                .expectScheduledDeadlineWithName(NINE.minus(Duration.ofHours(2)), ClinicDay.REMINDER);
    }

    @Test
    void noCheckInWithinTheGracePeriodIsANoShowDecidedByTheDeadline() {
        BookAppointmentCommand first = book(NINE, CHAIR_1);
        fixture.givenCurrentTime(NINE.minus(Duration.ofDays(3))).andGivenCommands(first)
                .whenTimeAdvancesTo(NINE.plus(Duration.ofMinutes(15)))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new AppointmentEvents.ReminderDue(DAY, first.appointmentId(), CLINIC,
                                first.patientId(), first.type(), NINE, 48, "Fast for 6 hours.", NINE.minus(Duration.ofHours(48))))),
                        messageWithPayload(equalTo(new AppointmentEvents.ReminderDue(DAY, first.appointmentId(), CLINIC,
                                first.patientId(), first.type(), NINE, 2, "Fast for 6 hours.", NINE.minus(Duration.ofHours(2))))),
                        messageWithPayload(equalTo(new AppointmentEvents.NoShowed(DAY, first.appointmentId(), CLINIC,
                                first.patientId(), first.courseId(), first.type(), NINE, NINE.plus(Duration.ofMinutes(15))))),
                        andNoMore()));
    }

    @Test
    void aCheckedInOrCancelledAppointmentIsNoNoShowAndGetsNoReminder() {
        BookAppointmentCommand first = book(NINE, CHAIR_1);
        AppointmentCommands.CheckIn checkIn = new AppointmentCommands.CheckIn(DAY, first.appointmentId(), NINE.minusSeconds(600));
        fixture.givenCurrentTime(NINE.minus(Duration.ofMinutes(30))).andGivenCommands(first, checkIn)
                .whenTimeAdvancesTo(NINE.plus(Duration.ofHours(1))).expectNoEvents();
        AppointmentCommands.Cancel cancel = new AppointmentCommands.Cancel(DAY, first.appointmentId(), CancelReason.ILLNESS, null, 24,
                NINE.minus(Duration.ofDays(3)));
        fixture.givenCurrentTime(NINE.minus(Duration.ofDays(3))).andGivenCommands(first, cancel)
                .whenTimeAdvancesTo(NINE.plus(Duration.ofHours(1))).expectNoEvents();
    }

    @Test
    void aCancellationWithinTheNoticePeriodIsLateAndOneAtItsEdgeIsNot() {
        BookAppointmentCommand first = book(NINE, CHAIR_1);
        Instant edge = NINE.minus(Duration.ofHours(24));
        fixture.given(booked(first, CHAIR_1, 0))
                .when(new AppointmentCommands.Cancel(DAY, first.appointmentId(), CancelReason.PATIENT_REQUEST, null, 24, edge))
                .expectEvents(new AppointmentEvents.Cancelled(DAY, first.appointmentId(), CLINIC, first.patientId(), first.courseId(),
                        first.type(), NINE, CancelReason.PATIENT_REQUEST, null, false, edge));
        Instant justInside = edge.plusSeconds(1);
        fixture.given(booked(first, CHAIR_1, 0))
                .when(new AppointmentCommands.Cancel(DAY, first.appointmentId(), CancelReason.PATIENT_REQUEST, null, 24, justInside))
                .expectEvents(new AppointmentEvents.Cancelled(DAY, first.appointmentId(), CLINIC, first.patientId(), first.courseId(),
                        first.type(), NINE, CancelReason.PATIENT_REQUEST, null, true, justInside));
    }

    @Test
    void aCancelledAppointmentFreesItsChairAndCannotBeCancelledAgain() {
        BookAppointmentCommand first = book(NINE, CHAIR_1);
        AppointmentEvents.Cancelled cancelled = new AppointmentEvents.Cancelled(DAY, first.appointmentId(), CLINIC, first.patientId(),
                first.courseId(), first.type(), NINE, CancelReason.OTHER, "moved away", false, NINE.minus(Duration.ofDays(2)));
        BookAppointmentCommand again = book(NINE, CHAIR_1);
        fixture.given(booked(first, CHAIR_1, 0), cancelled).when(again).expectEvents(booked(again, CHAIR_1, 0));
        fixture.given(booked(first, CHAIR_1, 0), cancelled)
                .when(new AppointmentCommands.Cancel(DAY, first.appointmentId(), CancelReason.OTHER, null, 24, NINE))
                .expectException(rule("appointment-not-booked")).expectNoEvents();
    }

    @Test
    void checkInOpensTwoHoursBeforeAndCompletionNeedsACheckIn() {
        BookAppointmentCommand first = book(NINE, CHAIR_1);
        Instant opens = NINE.minus(Duration.ofHours(2));
        fixture.given(booked(first, CHAIR_1, 0))
                .when(new AppointmentCommands.CheckIn(DAY, first.appointmentId(), opens.minusSeconds(1)))
                .expectException(rule("check-in-too-early"));
        AppointmentEvents.CheckedIn checkedIn = new AppointmentEvents.CheckedIn(DAY, first.appointmentId(), CLINIC, first.patientId(),
                first.courseId(), first.type(), NINE, opens);
        fixture.given(booked(first, CHAIR_1, 0)).when(new AppointmentCommands.CheckIn(DAY, first.appointmentId(), opens))
                .expectEvents(checkedIn);
        fixture.given(booked(first, CHAIR_1, 0)).when(new AppointmentCommands.Complete(DAY, first.appointmentId(), NINE.plusSeconds(60)))
                .expectException(rule("not-checked-in"));
        fixture.given(booked(first, CHAIR_1, 0), checkedIn)
                .when(new AppointmentCommands.Complete(DAY, first.appointmentId(), NINE.plus(INFUSION)))
                .expectEvents(new AppointmentEvents.Completed(DAY, first.appointmentId(), CLINIC, first.patientId(), first.courseId(),
                        first.type(), NINE, NINE.plus(INFUSION)));
    }

    @Test
    void aRescheduledAppointmentGivesUpItsTimeAndItsOldDeadlinesDoNothing() {
        BookAppointmentCommand first = book(NINE, CHAIR_1);
        UUID replacement = UUID.randomUUID();
        AppointmentCommands.Reschedule move = new AppointmentCommands.Reschedule(DAY, first.appointmentId(), replacement,
                NINE.plus(Duration.ofHours(3)), 24, NINE.minus(Duration.ofHours(5)));
        fixture.given(booked(first, CHAIR_1, 0)).when(move).expectEvents(new AppointmentEvents.Rescheduled(DAY, first.appointmentId(),
                CLINIC, first.patientId(), replacement, NINE, NINE.plus(Duration.ofHours(3)), true, NINE.minus(Duration.ofHours(5))));
        fixture.givenCurrentTime(NINE.minus(Duration.ofHours(6))).andGivenCommands(first, move)
                .whenTimeAdvancesTo(NINE.plus(Duration.ofMinutes(20))).expectNoEvents();
    }

    /** A busy day: a few hundred bookings and cancellations replayed, and the rules still hold at its end. */
    @Test
    void aLongDayOfHundredsOfEventsStillCountsEveryChairAndSeat() {
        List<Object> history = new ArrayList<>();
        List<UUID> chairs = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            chairs.add(UUID.randomUUID());
        }
        for (int round = 0; round < 150; round++) {
            BookAppointmentCommand booking = book(UUID.randomUUID(), NINE.plus(Duration.ofMinutes(5L * round)), chairs, null);
            history.add(booked(booking, chairs.get(round % 20), round % 2));
            history.add(new AppointmentEvents.Cancelled(DAY, booking.appointmentId(), CLINIC, booking.patientId(), booking.courseId(),
                    booking.type(), booking.startsAt(), CancelReason.OTHER, null, false, NINE.minus(Duration.ofDays(1))));
        }
        BookAppointmentCommand kept = book(UUID.randomUUID(), NINE, chairs, null);
        history.add(booked(kept, chairs.get(0), 0));
        assertThat(history).hasSize(301);
        BookAppointmentCommand sameChair = book(UUID.randomUUID(), NINE.plus(Duration.ofMinutes(30)), List.of(chairs.get(0)), null);
        fixture.given(history).when(sameChair).expectException(rule("chair-taken"));
        BookAppointmentCommand otherChair = book(UUID.randomUUID(), NINE.plus(Duration.ofMinutes(30)), List.of(chairs.get(1)), null);
        fixture.given(history).when(otherChair).expectEvents(booked(otherChair, chairs.get(1), 1));
    }
}
