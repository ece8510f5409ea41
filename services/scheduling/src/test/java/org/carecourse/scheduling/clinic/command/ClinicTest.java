package org.carecourse.scheduling.clinic.command;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.scheduling.clinic.api.ClinicRegisteredEvent;
import org.carecourse.scheduling.clinic.api.RegisterClinicCommand;
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
}
