package org.carecourse.scheduling.clinic.command;

import static org.hamcrest.Matchers.containsString;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.clinic.api.AssignStaffCommand;
import org.carecourse.scheduling.clinic.api.ClinicRegisteredEvent;
import org.carecourse.scheduling.clinic.api.RegisterClinicCommand;
import org.carecourse.scheduling.clinic.api.SchedulingPolicy;
import org.carecourse.scheduling.clinic.api.SchedulingPolicySetEvent;
import org.carecourse.scheduling.clinic.api.SetSchedulingPolicyCommand;
import org.carecourse.scheduling.clinic.api.Shift;
import org.carecourse.scheduling.clinic.api.StaffAssignedEvent;
import org.carecourse.scheduling.clinic.api.StaffRole;
import org.carecourse.scheduling.clinic.api.TypeSettings;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClinicTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private AggregateTestFixture<Clinic> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Clinic.class);
    }

    @Test
    void canRegisterAClinic() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClinicCommand(CLINIC, "Denver", "America/Denver"))
                .expectEvents(new ClinicRegisteredEvent(CLINIC, "Denver", "America/Denver"));
    }

    @Test
    void canRepeatTheSameRegistrationWithoutAnyEffect() {
        fixture.given(new ClinicRegisteredEvent(CLINIC, "Denver", "America/Denver"))
                .when(new RegisterClinicCommand(CLINIC, "Denver", "America/Denver"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReRegisterAClinicWithOtherDetails() {
        fixture.given(new ClinicRegisteredEvent(CLINIC, "Denver", "America/Denver"))
                .when(new RegisterClinicCommand(CLINIC, "Denver", "America/Chicago"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aSpravatoSessionShorterThanTheRemsObservationIsRefused() {
        SchedulingPolicy shortSpravato = new SchedulingPolicy(true, 2, 24, 15, List.of(48, 2), Map.of(AppointmentType.SPRAVATO,
                new TypeSettings(119, 15, StaffRole.NURSE, "Arrange a ride home.")));
        fixture.given(new ClinicRegisteredEvent(CLINIC, "Denver", "America/Denver"))
                .when(new SetSchedulingPolicyCommand(CLINIC, shortSpravato))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("at least 120 min"))
                .expectNoEvents();
        SchedulingPolicy twoHours = new SchedulingPolicy(true, 2, 24, 15, List.of(48, 2), Map.of(AppointmentType.SPRAVATO,
                new TypeSettings(120, 15, StaffRole.NURSE, "Arrange a ride home.")));
        fixture.given(new ClinicRegisteredEvent(CLINIC, "Denver", "America/Denver"))
                .when(new SetSchedulingPolicyCommand(CLINIC, twoHours))
                .expectEvents(new SchedulingPolicySetEvent(CLINIC, twoHours));
    }

    @Test
    void aStaffMembersShiftsMayNotOverlapAndTheSameAssignmentAgainChangesNothing() {
        UUID nurse = UUID.randomUUID();
        Shift morning = new Shift(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0));
        Shift overlapping = new Shift(DayOfWeek.MONDAY, LocalTime.of(11, 30), LocalTime.of(16, 0));
        Shift afternoon = new Shift(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(16, 0));
        fixture.given(new ClinicRegisteredEvent(CLINIC, "Denver", "America/Denver"))
                .when(new AssignStaffCommand(CLINIC, nurse, "Nurse A", StaffRole.NURSE, List.of(morning, overlapping)))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        StaffAssignedEvent assigned = new StaffAssignedEvent(CLINIC, nurse, "Nurse A", StaffRole.NURSE, List.of(morning, afternoon));
        fixture.given(new ClinicRegisteredEvent(CLINIC, "Denver", "America/Denver"))
                .when(new AssignStaffCommand(CLINIC, nurse, "Nurse A", StaffRole.NURSE, List.of(morning, afternoon)))
                .expectEvents(assigned);
        fixture.given(new ClinicRegisteredEvent(CLINIC, "Denver", "America/Denver"), assigned)
                .when(new AssignStaffCommand(CLINIC, nurse, "Nurse A", StaffRole.NURSE, List.of(morning, afternoon)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
