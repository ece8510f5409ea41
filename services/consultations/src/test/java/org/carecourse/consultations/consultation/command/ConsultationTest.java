package org.carecourse.consultations.consultation.command;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.consultations.consultation.api.Channel;
import org.carecourse.consultations.consultation.api.Condition;
import org.carecourse.consultations.consultation.api.ConsultOutcome;
import org.carecourse.consultations.consultation.api.ConsultationCompletedEvent;
import org.carecourse.consultations.consultation.api.ConsultationRequestedEvent;
import org.carecourse.consultations.consultation.api.ContactPreference;
import org.carecourse.consultations.consultation.api.RecordConsultOutcomeCommand;
import org.carecourse.consultations.consultation.api.ReferralSource;
import org.carecourse.consultations.consultation.api.RequestConsultationCommand;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsultationTest {

    private static final UUID CONSULTATION = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID CLINIC = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-02T15:00:00Z");
    private static final ConsultationRequestedEvent REQUESTED = new ConsultationRequestedEvent(CONSULTATION, PATIENT, CLINIC,
            List.of(Condition.DEPRESSION, Condition.PTSD), ContactPreference.SMS, ReferralSource.THERAPIST, Channel.WEB, AT);

    private AggregateTestFixture<Consultation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Consultation.class);
    }

    @Test
    void canRequestAConsultationForConditionsAtAClinic() {
        fixture.givenNoPriorActivity()
                .when(new RequestConsultationCommand(CONSULTATION, PATIENT, CLINIC, List.of(Condition.DEPRESSION, Condition.PTSD),
                        ContactPreference.SMS, ReferralSource.THERAPIST, Channel.WEB, AT))
                .expectEvents(REQUESTED);
    }

    @Test
    void cannotRequestAConsultationWithoutAnyCondition() {
        fixture.givenNoPriorActivity()
                .when(new RequestConsultationCommand(CONSULTATION, PATIENT, CLINIC, List.of(), ContactPreference.PHONE, null,
                        Channel.STAFF, AT))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void canRecommendScreeningWithoutAReason() {
        fixture.given(REQUESTED)
                .when(new RecordConsultOutcomeCommand(CONSULTATION, ConsultOutcome.RECOMMEND_SCREENING, " ", AT))
                .expectEvents(new ConsultationCompletedEvent(CONSULTATION, PATIENT, CLINIC, ConsultOutcome.RECOMMEND_SCREENING, null, AT));
    }

    @Test
    void cannotReferOutOrDeclineWithoutAReason() {
        fixture.given(REQUESTED)
                .when(new RecordConsultOutcomeCommand(CONSULTATION, ConsultOutcome.REFER_OUT, null, AT))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
        fixture.given(REQUESTED)
                .when(new RecordConsultOutcomeCommand(CONSULTATION, ConsultOutcome.NOT_A_CANDIDATE, "", AT))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void canDeclineWithAReason() {
        fixture.given(REQUESTED)
                .when(new RecordConsultOutcomeCommand(CONSULTATION, ConsultOutcome.NOT_A_CANDIDATE, " active psychosis ", AT))
                .expectEvents(new ConsultationCompletedEvent(CONSULTATION, PATIENT, CLINIC, ConsultOutcome.NOT_A_CANDIDATE,
                        "active psychosis", AT));
    }

    @Test
    void cannotRecordASecondOutcome() {
        fixture.given(REQUESTED, new ConsultationCompletedEvent(CONSULTATION, PATIENT, CLINIC, ConsultOutcome.RECOMMEND_SCREENING, null, AT))
                .when(new RecordConsultOutcomeCommand(CONSULTATION, ConsultOutcome.REFER_OUT, "changed my mind", AT))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }
}
