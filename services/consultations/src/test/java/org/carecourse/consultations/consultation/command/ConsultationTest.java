package org.carecourse.consultations.consultation.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.consultations.consultation.api.Condition;
import org.carecourse.consultations.consultation.api.ConsultationRequestedEvent;
import org.carecourse.consultations.consultation.api.PatientDetails;
import org.carecourse.consultations.consultation.api.RequestConsultationCommand;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsultationTest {

    private static final UUID CONSULTATION = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID CLINIC = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-02T15:00:00Z");
    private static final PatientDetails DETAILS =
            new PatientDetails("Ana", "Lopez", LocalDate.of(1985, 4, 12), "+1 303 555 0101", null);

    private AggregateTestFixture<Consultation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Consultation.class);
    }

    @Test
    void canRequestAConsultationForConditionsAtAClinic() {
        fixture.givenNoPriorActivity()
                .when(new RequestConsultationCommand(CONSULTATION, PATIENT, CLINIC, DETAILS,
                        List.of(Condition.DEPRESSION, Condition.PTSD), AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConsultationRequestedEvent(CONSULTATION, PATIENT, CLINIC, DETAILS,
                        List.of(Condition.DEPRESSION, Condition.PTSD), AT));
    }

    @Test
    void cannotRequestAConsultationWithoutAnyCondition() {
        fixture.givenNoPriorActivity()
                .when(new RequestConsultationCommand(CONSULTATION, PATIENT, CLINIC, DETAILS, List.of(), AT))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }
}
