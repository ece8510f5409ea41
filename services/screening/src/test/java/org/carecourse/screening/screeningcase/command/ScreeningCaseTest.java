package org.carecourse.screening.screeningcase.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.instruments.Instrument;
import org.carecourse.instruments.InstrumentAnswers;
import org.carecourse.instruments.InstrumentScore;
import org.carecourse.instruments.Modality;
import org.carecourse.screening.eligibility.FiredRule;
import org.carecourse.screening.eligibility.Outcome;
import org.carecourse.screening.protocol.api.ProtocolParameters;
import org.carecourse.screening.protocol.api.ProtocolVersion;
import org.carecourse.screening.screeningcase.api.ClinicalHistory;
import org.carecourse.screening.screeningcase.api.ClinicalHistoryRecordedEvent;
import org.carecourse.screening.screeningcase.api.DocumentSafetyFollowUpCommand;
import org.carecourse.screening.screeningcase.api.EligibilityDecidedEvent;
import org.carecourse.screening.screeningcase.api.HistoryCondition;
import org.carecourse.screening.screeningcase.api.InstrumentScoredEvent;
import org.carecourse.screening.screeningcase.api.OpenScreeningCaseCommand;
import org.carecourse.screening.screeningcase.api.SafetyAlertRaisedEvent;
import org.carecourse.screening.screeningcase.api.SafetyAlertResolvedEvent;
import org.carecourse.screening.screeningcase.api.SafetyDisposition;
import org.carecourse.screening.screeningcase.api.ScreeningCaseIds;
import org.carecourse.screening.screeningcase.api.ScreeningCaseOpenedEvent;
import org.carecourse.screening.screeningcase.api.SignEligibilityDecisionCommand;
import org.carecourse.screening.screeningcase.api.SubmitInstrumentCommand;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScreeningCaseTest {

    private static final UUID CONSULTATION = UUID.randomUUID();
    private static final UUID CASE = ScreeningCaseIds.forConsultation(CONSULTATION);
    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID CLINIC = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-02T15:00:00Z");
    private static final ProtocolVersion PROTOCOL = new ProtocolVersion(CLINIC, 3, AT.minusSeconds(86_400), ProtocolParameters.defaults());
    private static final ClinicalHistory HISTORY = new ClinicalHistory(Set.of(), List.of(),
            new ClinicalHistory.BaselineVitals(128, 82, 72, 98, 70.0, 172.0, AT), ClinicalHistory.Pregnancy.NOT_PREGNANT, false,
            List.of(new ClinicalHistory.AntidepressantTrial("sertraline", true, 8, ClinicalHistory.Response.NONE),
                    new ClinicalHistory.AntidepressantTrial("venlafaxine", true, 8, ClinicalHistory.Response.NONE)));
    private static final InstrumentAnswers PHQ9_ITEM9 = InstrumentAnswers.of(Instrument.PHQ9, 3, 3, 2, 2, 2, 2, 2, 1, 1);
    private static final InstrumentAnswers PHQ9_SAFE = InstrumentAnswers.of(Instrument.PHQ9, 3, 3, 2, 2, 2, 2, 2, 1, 0);
    private static final InstrumentAnswers CSSRS_LOW = new InstrumentAnswers(Instrument.CSSRS, java.util.Arrays.asList(1, 0, null, null, null, 0), null);
    private static final InstrumentAnswers CSSRS_HIGH = new InstrumentAnswers(Instrument.CSSRS, java.util.Arrays.asList(1, 1, 1, 1, 0, 0), null);

    private AggregateTestFixture<ScreeningCase> fixture;
    private final UUID alert = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ScreeningCase.class);
    }

    private ScreeningCaseOpenedEvent opened() {
        return new ScreeningCaseOpenedEvent(CASE, PATIENT, CLINIC, CONSULTATION, AT);
    }

    private InstrumentScoredEvent scored(UUID submission, InstrumentAnswers answers, InstrumentScore score) {
        return new InstrumentScoredEvent(CASE, PATIENT, CLINIC, submission, answers, score, AT);
    }

    private static final InstrumentScore PHQ9_ITEM9_SCORE = new InstrumentScore(Instrument.PHQ9, 18, "moderately-severe", true, null, null);
    private static final InstrumentScore PHQ9_SAFE_SCORE = new InstrumentScore(Instrument.PHQ9, 17, "moderately-severe", false, null, null);
    private static final InstrumentScore CSSRS_LOW_SCORE = new InstrumentScore(Instrument.CSSRS, 1, "low", false, null, null);

    @Test
    void canOpenACaseForAPatientAtAClinic() {
        fixture.givenNoPriorActivity()
                .when(new OpenScreeningCaseCommand(CASE, PATIENT, CLINIC, CONSULTATION, AT))
                .expectEvents(opened());
    }

    @Test
    void aPhq9WithItemNineAboveZeroRaisesASafetyAlertAtOnce() {
        UUID submission = UUID.randomUUID();
        fixture.given(opened())
                .when(new SubmitInstrumentCommand(CASE, submission, PHQ9_ITEM9, 33, AT, alert))
                .expectEvents(scored(submission, PHQ9_ITEM9, PHQ9_ITEM9_SCORE),
                        new SafetyAlertRaisedEvent(CASE, alert, PATIENT, CLINIC, submission, "phq-9-item-9", AT));
    }

    @Test
    void aPhq9WithoutItemNineRaisesNoAlert() {
        UUID submission = UUID.randomUUID();
        fixture.given(opened())
                .when(new SubmitInstrumentCommand(CASE, submission, PHQ9_SAFE, 33, AT, alert))
                .expectEvents(scored(submission, PHQ9_SAFE, PHQ9_SAFE_SCORE));
    }

    @Test
    void aSecondConcernWhileAnAlertIsOpenRaisesNoSecondAlert() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        fixture.given(opened(), scored(first, PHQ9_ITEM9, PHQ9_ITEM9_SCORE),
                        new SafetyAlertRaisedEvent(CASE, alert, PATIENT, CLINIC, first, "phq-9-item-9", AT))
                .when(new SubmitInstrumentCommand(CASE, second, PHQ9_ITEM9, 33, AT, UUID.randomUUID()))
                .expectEvents(scored(second, PHQ9_ITEM9, PHQ9_ITEM9_SCORE));
    }

    @Test
    void cannotDocumentTheFollowUpWithoutACssrsAfterTheAlert() {
        UUID first = UUID.randomUUID();
        fixture.given(opened(), scored(first, PHQ9_ITEM9, PHQ9_ITEM9_SCORE),
                        new SafetyAlertRaisedEvent(CASE, alert, PATIENT, CLINIC, first, "phq-9-item-9", AT))
                .when(new DocumentSafetyFollowUpCommand(CASE, alert, "plan", SafetyDisposition.CONTINUE_SCREENING, AT))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("C-SSRS"))
                .expectNoEvents();
    }

    @Test
    void canResolveTheAlertWithACssrsASafetyPlanAndADisposition() {
        UUID phq = UUID.randomUUID();
        UUID cssrs = UUID.randomUUID();
        fixture.given(opened(), scored(phq, PHQ9_ITEM9, PHQ9_ITEM9_SCORE),
                        new SafetyAlertRaisedEvent(CASE, alert, PATIENT, CLINIC, phq, "phq-9-item-9", AT),
                        scored(cssrs, CSSRS_LOW, CSSRS_LOW_SCORE))
                .when(new DocumentSafetyFollowUpCommand(CASE, alert, "crisis line, means restriction", SafetyDisposition.CONTINUE_SCREENING, AT))
                .expectEvents(new SafetyAlertResolvedEvent(CASE, alert, PATIENT, CLINIC, cssrs, "low",
                        "crisis line, means restriction", SafetyDisposition.CONTINUE_SCREENING, AT));
    }

    @Test
    void aCssrsThatRaisesTheAlertIsItselfTheScreenTheFollowUpRestsOn() {
        UUID cssrs = UUID.randomUUID();
        InstrumentScore high = new InstrumentScore(Instrument.CSSRS, 4, "high", true, null, null);
        fixture.given(opened(), scored(cssrs, CSSRS_HIGH, high),
                        new SafetyAlertRaisedEvent(CASE, alert, PATIENT, CLINIC, cssrs, "c-ssrs-high-risk", AT))
                .when(new DocumentSafetyFollowUpCommand(CASE, alert, "plan", SafetyDisposition.CRISIS_SERVICES, AT))
                .expectEvents(new SafetyAlertResolvedEvent(CASE, alert, PATIENT, CLINIC, cssrs, "high", "plan",
                        SafetyDisposition.CRISIS_SERVICES, AT));
    }

    @Test
    void cannotDecideWhileASafetyAlertIsOpen() {
        UUID phq = UUID.randomUUID();
        fixture.given(opened(), new ClinicalHistoryRecordedEvent(CASE, PATIENT, CLINIC, HISTORY),
                        scored(phq, PHQ9_ITEM9, PHQ9_ITEM9_SCORE),
                        new SafetyAlertRaisedEvent(CASE, alert, PATIENT, CLINIC, phq, "phq-9-item-9", AT))
                .when(sign(Outcome.ELIGIBLE, null))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("safety alert"))
                .expectNoEvents();
    }

    @Test
    void cannotDecideWithoutHistoryOrABaselinePhq9() {
        fixture.given(opened(), scored(UUID.randomUUID(), PHQ9_SAFE, PHQ9_SAFE_SCORE))
                .when(sign(Outcome.ELIGIBLE, null))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
        fixture.given(opened(), new ClinicalHistoryRecordedEvent(CASE, PATIENT, CLINIC, HISTORY))
                .when(sign(Outcome.ELIGIBLE, null))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void canSignTheProposedOutcomeCitingScoresRulesProtocolAndValidity() {
        UUID decision = UUID.randomUUID();
        fixture.given(opened(), new ClinicalHistoryRecordedEvent(CASE, PATIENT, CLINIC, HISTORY),
                        scored(UUID.randomUUID(), PHQ9_SAFE, PHQ9_SAFE_SCORE))
                .when(new SignEligibilityDecisionCommand(CASE, decision, Modality.IV_KETAMINE, Outcome.ELIGIBLE, null, PROTOCOL, AT, ZoneOffset.UTC))
                .expectEvents(new EligibilityDecidedEvent(CASE, decision, PATIENT, CLINIC, Modality.IV_KETAMINE,
                        Outcome.ELIGIBLE, Outcome.ELIGIBLE, null,
                        List.of(new FiredRule("treatment-resistance-met", Outcome.ELIGIBLE, "2 adequate trials without response",
                                java.util.Map.of("adequateTrialsWithoutResponse", "2", "required", "2", "minimumWeeks", "6"))),
                        List.of(PHQ9_SAFE_SCORE), 3, LocalDate.of(2027, 5, 3), AT));
    }

    @Test
    void validityIsCountedFromTheSigningDateInTheClinicsTimeZone() {
        UUID decision = UUID.randomUUID();
        Instant eveningInDenver = Instant.parse("2026-11-03T03:00:00Z"); // still 2 November in Denver
        fixture.given(opened(), new ClinicalHistoryRecordedEvent(CASE, PATIENT, CLINIC, HISTORY),
                        scored(UUID.randomUUID(), PHQ9_SAFE, PHQ9_SAFE_SCORE))
                .when(new SignEligibilityDecisionCommand(CASE, decision, Modality.IV_KETAMINE, Outcome.ELIGIBLE, null, PROTOCOL,
                        eveningInDenver, ZoneId.of("America/Denver")))
                .expectEvents(new EligibilityDecidedEvent(CASE, decision, PATIENT, CLINIC, Modality.IV_KETAMINE,
                        Outcome.ELIGIBLE, Outcome.ELIGIBLE, null,
                        List.of(new FiredRule("treatment-resistance-met", Outcome.ELIGIBLE, "2 adequate trials without response",
                                java.util.Map.of("adequateTrialsWithoutResponse", "2", "required", "2", "minimumWeeks", "6"))),
                        List.of(PHQ9_SAFE_SCORE), 3, LocalDate.of(2026, 11, 2).plusDays(182), eveningInDenver));
    }

    @Test
    void anOverrideNeedsAWrittenReason() {
        fixture.given(opened(), new ClinicalHistoryRecordedEvent(CASE, PATIENT, CLINIC, HISTORY),
                        scored(UUID.randomUUID(), PHQ9_SAFE, PHQ9_SAFE_SCORE))
                .when(sign(Outcome.INELIGIBLE, "  "))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("written reason"))
                .expectNoEvents();
    }

    @Test
    void anOverrideWithAReasonIsRecordedBesideTheProposal() {
        ClinicalHistory cautious = new ClinicalHistory(Set.of(HistoryCondition.GLAUCOMA), HISTORY.medications(), HISTORY.vitals(),
                HISTORY.pregnancy(), false, HISTORY.antidepressantTrials());
        UUID decision = UUID.randomUUID();
        fixture.given(opened(), new ClinicalHistoryRecordedEvent(CASE, PATIENT, CLINIC, cautious),
                        scored(UUID.randomUUID(), PHQ9_SAFE, PHQ9_SAFE_SCORE))
                .when(new SignEligibilityDecisionCommand(CASE, decision, Modality.IV_KETAMINE, Outcome.ELIGIBLE,
                        "ophthalmology cleared, pressures controlled", PROTOCOL, AT, ZoneOffset.UTC))
                .expectSuccessfulHandlerExecution()
                .expectState(state -> assertThat(state).extracting("decided").isEqualTo(true));
    }

    @Test
    void aDecidedCaseTakesNoMoreSubmissions() {
        EligibilityDecidedEvent decided = new EligibilityDecidedEvent(CASE, UUID.randomUUID(), PATIENT, CLINIC,
                Modality.IV_KETAMINE, Outcome.ELIGIBLE, Outcome.ELIGIBLE, null, List.of(), List.of(), 3,
                LocalDate.of(2027, 5, 3), AT);
        fixture.given(opened(), decided)
                .when(new SubmitInstrumentCommand(CASE, UUID.randomUUID(), PHQ9_SAFE, 33, AT, alert))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    private SignEligibilityDecisionCommand sign(Outcome outcome, String reason) {
        return new SignEligibilityDecisionCommand(CASE, UUID.randomUUID(), Modality.IV_KETAMINE, outcome, reason, PROTOCOL, AT,
                ZoneOffset.UTC);
    }
}
