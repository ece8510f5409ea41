package org.carecourse.treatment.course.command;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.instruments.Instrument;
import org.carecourse.instruments.Modality;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.AbortInfusionSessionCommand;
import org.carecourse.treatment.course.api.AbortReason;
import org.carecourse.treatment.course.api.AbortSpravatoSessionCommand;
import org.carecourse.treatment.course.api.AdverseEventReportedEvent;
import org.carecourse.treatment.course.api.AdverseEventSeverity;
import org.carecourse.treatment.course.api.AmendEntryCommand;
import org.carecourse.treatment.course.api.Amendment;
import org.carecourse.treatment.course.api.BaselineScore;
import org.carecourse.treatment.course.api.ChangePhaseCommand;
import org.carecourse.treatment.course.api.ClinicalOverride;
import org.carecourse.treatment.course.api.CloseCourseCommand;
import org.carecourse.treatment.course.api.CompleteInfusionSessionCommand;
import org.carecourse.treatment.course.api.CompleteSpravatoSessionCommand;
import org.carecourse.treatment.course.api.ControlledSubstanceRecordedEvent;
import org.carecourse.treatment.course.api.CourseHeldEvent;
import org.carecourse.treatment.course.api.CourseHoldLiftedEvent;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.CourseSafetyDisposition;
import org.carecourse.treatment.course.api.CourseTransferredEvent;
import org.carecourse.treatment.course.api.DoseHeldEvent;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.carecourse.treatment.course.api.EntryAmendedEvent;
import org.carecourse.treatment.course.api.ExternalFactRecordedEvent;
import org.carecourse.treatment.course.api.Indication;
import org.carecourse.treatment.course.api.InfusionAdministeredEvent;
import org.carecourse.treatment.course.api.InfusionResumedEvent;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.LiftCourseHoldCommand;
import org.carecourse.treatment.course.api.OpenCourseCommand;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.api.Phase;
import org.carecourse.treatment.course.api.PhaseChangedEvent;
import org.carecourse.treatment.course.api.RecordExternalFactCommand;
import org.carecourse.treatment.course.api.RecordInfusionVitalsCommand;
import org.carecourse.treatment.course.api.RecordOutcomeCommand;
import org.carecourse.treatment.course.api.RecordRemsEnrolmentCommand;
import org.carecourse.treatment.course.api.RecordScreeningFactCommand;
import org.carecourse.treatment.course.api.RemsFormDueEvent;
import org.carecourse.treatment.course.api.RemsFormSubmittedEvent;
import org.carecourse.treatment.course.api.RemsPatientEnrolledEvent;
import org.carecourse.treatment.course.api.ReportAdverseEventCommand;
import org.carecourse.treatment.course.api.ResolveSafetyAlertCommand;
import org.carecourse.treatment.course.api.ResumeInfusionCommand;
import org.carecourse.treatment.course.api.SafetyAlertRaisedEvent;
import org.carecourse.treatment.course.api.SafetyAlertResolvedEvent;
import org.carecourse.treatment.course.api.SessionAbortedEvent;
import org.carecourse.treatment.course.api.SessionCompletedEvent;
import org.carecourse.treatment.course.api.SessionVitalsRecordedEvent;
import org.carecourse.treatment.course.api.SpravatoSessionStartedEvent;
import org.carecourse.treatment.course.api.StartInfusionSessionCommand;
import org.carecourse.treatment.course.api.StartSpravatoSessionCommand;
import org.carecourse.treatment.course.api.StopInfusionCommand;
import org.carecourse.treatment.course.api.StopReason;
import org.carecourse.treatment.course.api.SubmitRemsFormCommand;
import org.carecourse.treatment.course.api.TransferCourseCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TreatmentCourseTest {

    private static final UUID COURSE = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID DENVER = UUID.randomUUID();
    private static final UUID BOULDER = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-10T15:00:00Z");
    private static final TreatmentProtocol PROTOCOL = TreatmentProtocol.defaults();
    private static final CoursePlan PLAN = CoursePlan.following(TreatmentProtocol.defaults().series());
    private static final EligibilityRef ELIGIBLE = new EligibilityRef(UUID.randomUUID(), UUID.randomUUID(), "eligible",
            "iv-ketamine", 1, LocalDate.of(2027, 5, 1));
    private static final Vitals CALM = new Vitals(128, 82, 72, 98, T0);
    private static final BigDecimal WEIGHT = new BigDecimal("72.4");
    private static final ZoneId ZONE = ZoneId.of("America/Denver");
    private static final List<BaselineScore> BASELINE = List.of(new BaselineScore(Instrument.PHQ9, 20),
            new BaselineScore(Instrument.GAD7, 14));
    private static final UUID SUBMISSION = UUID.randomUUID();
    private static final List<Integer> PHQ9_TEN = List.of(2, 2, 2, 1, 1, 1, 1, 0, 0);
    private static final List<Integer> PHQ9_EIGHTEEN = List.of(3, 3, 2, 2, 2, 2, 2, 2, 0);

    private AggregateTestFixture<TreatmentCourse> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TreatmentCourse.class);
    }

    private static RemsPatientEnrolledEvent enrolled() {
        return new RemsPatientEnrolledEvent(COURSE, PATIENT, DENVER, "REMS-0042", T0.minus(Duration.ofDays(1)).atZone(ZONE).toLocalDate(),
                "prescriber.denver", T0.minus(Duration.ofDays(1)));
    }

    @Test
    void spravatoIsDosedOnlyOnceThePatientsRemsEnrolmentIsRecordedOnTheCourse() {
        fixture.given(opened(Modality.SPRAVATO))
                .when(new StartSpravatoSessionCommand(COURSE, UUID.randomUUID(), DENVER, ZONE, 56, CALM, Map.of(), "prescriber.denver", true, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("REMS")).expectNoEvents();
        RecordRemsEnrolmentCommand enrol = new RecordRemsEnrolmentCommand(COURSE, "REMS-0042", T0.atZone(ZONE).toLocalDate(),
                ZONE, "prescriber.denver", T0);
        fixture.given(opened(Modality.SPRAVATO)).when(enrol).expectEvents(new RemsPatientEnrolledEvent(COURSE, PATIENT, DENVER,
                "REMS-0042", T0.atZone(ZONE).toLocalDate(), "prescriber.denver", T0));
        fixture.given(opened(Modality.SPRAVATO), enrolled()).when(enrol).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(opened(Modality.SPRAVATO), enrolled())
                .when(new RecordRemsEnrolmentCommand(COURSE, "REMS-9999", T0.atZone(ZONE).toLocalDate(), ZONE, "prescriber.denver", T0))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(opened(Modality.IV_KETAMINE)).when(enrol).expectException(BusinessRuleViolation.class).expectNoEvents();
    }

    /** Late evening in Denver is the next morning in UTC: "today" is the clinic's, not UTC's. */
    @Test
    void anEnrolmentIsDatedNoLaterThanTodayOnTheClinicsCalendar() {
        Instant lateEvening = LocalDate.of(2026, 12, 7).atTime(23, 30).atZone(ZONE).toInstant();
        LocalDate today = LocalDate.of(2026, 12, 7);
        fixture.given(opened(Modality.SPRAVATO))
                .when(new RecordRemsEnrolmentCommand(COURSE, "REMS-0042", today.plusDays(1), ZONE, "prescriber.denver", lateEvening))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("once it is made")).expectNoEvents();
        fixture.given(opened(Modality.SPRAVATO))
                .when(new RecordRemsEnrolmentCommand(COURSE, "REMS-0042", today, ZONE, "prescriber.denver", lateEvening))
                .expectEvents(new RemsPatientEnrolledEvent(COURSE, PATIENT, DENVER, "REMS-0042", today, "prescriber.denver", lateEvening));
    }

    private static CourseOpenedEvent opened(Modality modality) {
        EligibilityRef eligibility = new EligibilityRef(ELIGIBLE.decisionId(), ELIGIBLE.sourceEventId(), "eligible",
                modality.code(), 1, ELIGIBLE.validUntil());
        return new CourseOpenedEvent(COURSE, PATIENT, DENVER, modality, Indication.DEPRESSION, eligibility, PLAN, PROTOCOL, 4, BASELINE, T0.minusSeconds(86_400));
    }

    private static Vitals calmAt(Instant at) {
        return new Vitals(CALM.systolic(), CALM.diastolic(), CALM.heartRate(), CALM.spo2(), at);
    }

    private static StartInfusionSessionCommand start(Instant at, Vitals vitals, String mgPerKg, String overrideReason) {
        return new StartInfusionSessionCommand(COURSE, SESSION, DENVER, ZONE, vitals, true, true, WEIGHT, at.minus(Duration.ofDays(3)),
                new BigDecimal(mgPerKg), overrideReason == null ? Map.of() : Map.of(OverrideRule.DOSE_CAP, overrideReason),
                "prescriber.denver", true, at);
    }

    private static InfusionSessionStartedEvent started() {
        return new InfusionSessionStartedEvent(COURSE, PATIENT, SESSION, DENVER, CALM, WEIGHT, T0.minus(Duration.ofDays(3)),
                new BigDecimal("0.5"), new BigDecimal("36.2"), List.of(), T0);
    }

    @Test
    void canOpenACourseFromAValidEligibleDecision() {
        fixture.givenNoPriorActivity()
                .when(new OpenCourseCommand(COURSE, PATIENT, DENVER, ZONE, Modality.IV_KETAMINE, Indication.DEPRESSION, ELIGIBLE, BASELINE, PLAN, PROTOCOL, 4, T0))
                .expectEvents(new CourseOpenedEvent(COURSE, PATIENT, DENVER, Modality.IV_KETAMINE, Indication.DEPRESSION, ELIGIBLE, PLAN, PROTOCOL, 4, BASELINE, T0));
    }

    @Test
    void cannotOpenFromAnExpiredIneligibleOrOtherModalityDecision() {
        EligibilityRef expired = new EligibilityRef(UUID.randomUUID(), UUID.randomUUID(), "eligible", "iv-ketamine", 1, LocalDate.of(2026, 11, 9));
        fixture.givenNoPriorActivity()
                .when(new OpenCourseCommand(COURSE, PATIENT, DENVER, ZONE, Modality.IV_KETAMINE, Indication.DEPRESSION, expired, BASELINE, PLAN, PROTOCOL, 4, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("expired"));
        EligibilityRef review = new EligibilityRef(UUID.randomUUID(), UUID.randomUUID(), "needs-review", "iv-ketamine", 1, ELIGIBLE.validUntil());
        fixture.givenNoPriorActivity()
                .when(new OpenCourseCommand(COURSE, PATIENT, DENVER, ZONE, Modality.IV_KETAMINE, Indication.DEPRESSION, review, BASELINE, PLAN, PROTOCOL, 4, T0))
                .expectException(BusinessRuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new OpenCourseCommand(COURSE, PATIENT, DENVER, ZONE, Modality.SPRAVATO, Indication.DEPRESSION, ELIGIBLE, BASELINE, PLAN, PROTOCOL, 4, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("spravato"));
    }

    @Test
    void startingASessionComputesTheWeightBasedDose() {
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(start(T0, CALM, "0.5", null))
                .expectEvents(started())
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.hasToString(containsString("36.2")));
    }

    @Test
    void aDoseAboveTheCapNeedsAnOverrideReason() {
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(start(T0, CALM, "1.0", null).withWeight(new BigDecimal("120")))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("cap"))
                .expectNoEvents();
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(start(T0, CALM, "1.0", "titrated, tolerated 110 mg last course").withWeight(new BigDecimal("120")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void eachPreCheckRefusesTheStart() {
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(new StartInfusionSessionCommand(COURSE, SESSION, DENVER, ZONE, CALM, false, true, WEIGHT, T0, new BigDecimal("0.5"), Map.of(), "nurse.denver", false, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("fasting"));
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(new StartInfusionSessionCommand(COURSE, SESSION, DENVER, ZONE, CALM, true, false, WEIGHT, T0, new BigDecimal("0.5"), Map.of(), "nurse.denver", false, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("escort"));
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(new StartInfusionSessionCommand(COURSE, SESSION, DENVER, ZONE, CALM, true, true, WEIGHT,
                        T0.minus(Duration.ofDays(31)), new BigDecimal("0.5"), Map.of(), "nurse.denver", false, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("weight"));
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(start(T0, new Vitals(161, 90, 80, 97, T0), "0.5", null))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("161/90"));
    }

    @Test
    void infusionsMustRespectTheMinimumSpacing() {
        fixture.given(opened(Modality.IV_KETAMINE), started(),
                        new InfusionAdministeredEvent(COURSE, PATIENT, SESSION, DENVER, T0, T0.plusSeconds(2400),
                                new BigDecimal("36.2"), new BigDecimal("0.5"), WEIGHT, 1, StopReason.COMPLETED, null),
                        new ControlledSubstanceRecordedEvent(COURSE, SESSION, "LOT1", new BigDecimal("36.2"), BigDecimal.ZERO, "nurse.b"),
                        new SessionCompletedEvent(COURSE, PATIENT, SESSION, DENVER, CALM, null, T0.plusSeconds(4800)))
                .when(new StartInfusionSessionCommand(COURSE, UUID.randomUUID(), DENVER, ZONE, CALM, true, true, WEIGHT, T0,
                        new BigDecimal("0.5"), Map.of(), "nurse.denver", false, T0.plus(Duration.ofHours(23))))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("24 h"));
    }

    @Test
    void aPlannedSpacingLongerThanTheProtocolsMinimumIsKept() {
        CoursePlan twiceAWeek = new CoursePlan(6, 21, 72, true);
        CourseOpenedEvent opened = new CourseOpenedEvent(COURSE, PATIENT, DENVER, Modality.IV_KETAMINE, Indication.DEPRESSION, ELIGIBLE, twiceAWeek, PROTOCOL, 4, BASELINE, T0.minusSeconds(86_400));
        fixture.given(opened, started(),
                        new InfusionAdministeredEvent(COURSE, PATIENT, SESSION, DENVER, T0, T0.plusSeconds(2400),
                                new BigDecimal("36.2"), new BigDecimal("0.5"), WEIGHT, 0, StopReason.COMPLETED, null),
                        new ControlledSubstanceRecordedEvent(COURSE, SESSION, "LOT1", new BigDecimal("36.2"), BigDecimal.ZERO, "nurse.b"),
                        new SessionCompletedEvent(COURSE, PATIENT, SESSION, DENVER, CALM, null, T0.plusSeconds(4800)))
                .when(new StartInfusionSessionCommand(COURSE, UUID.randomUUID(), DENVER, ZONE, CALM, true, true, WEIGHT, T0,
                        new BigDecimal("0.5"), Map.of(), "nurse.denver", false, T0.plus(Duration.ofHours(48))))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("72 h"));
    }

    @Test
    void aReadingOverAHoldThresholdHoldsTheInfusionAtOnce() {
        Vitals high = new Vitals(181, 100, 90, 96, T0.plusSeconds(900));
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new RecordInfusionVitalsCommand(COURSE, SESSION, high, high.takenAt()))
                .expectEvents(new SessionVitalsRecordedEvent(COURSE, SESSION, high),
                        new DoseHeldEvent(COURSE, PATIENT, SESSION, DENVER, List.of("blood pressure 181/100 above 180/110"), high.takenAt()));
    }

    @Test
    void aReadingAtTheThresholdDoesNotHold() {
        Vitals atLimit = new Vitals(180, 110, 90, 92, T0.plusSeconds(900));
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new RecordInfusionVitalsCommand(COURSE, SESSION, atLimit, atLimit.takenAt()))
                .expectEvents(new SessionVitalsRecordedEvent(COURSE, SESSION, atLimit));
    }

    @Test
    void stoppingCountsTheIntervalsThatExceededTheVitalsCadence() {
        Vitals atFifteen = new Vitals(130, 84, 80, 97, T0.plusSeconds(15 * 60));
        Instant stopAt = T0.plusSeconds(40 * 60);
        fixture.given(opened(Modality.IV_KETAMINE), started(), new SessionVitalsRecordedEvent(COURSE, SESSION, atFifteen))
                .when(new StopInfusionCommand(COURSE, SESSION, new BigDecimal("36.2"), StopReason.COMPLETED, null, stopAt))
                .expectEvents(new InfusionAdministeredEvent(COURSE, PATIENT, SESSION, DENVER, T0, stopAt,
                        new BigDecimal("36.2"), new BigDecimal("0.5"), WEIGHT, 1, StopReason.COMPLETED, null)); // 15 -> 40 min is over 15
        Vitals atSixteen = new Vitals(130, 84, 80, 97, T0.plusSeconds(16 * 60));
        Vitals atThirty = new Vitals(130, 84, 80, 97, T0.plusSeconds(30 * 60));
        fixture.given(opened(Modality.IV_KETAMINE), started(), new SessionVitalsRecordedEvent(COURSE, SESSION, atSixteen),
                        new SessionVitalsRecordedEvent(COURSE, SESSION, atThirty))
                .when(new StopInfusionCommand(COURSE, SESSION, new BigDecimal("36.2"), StopReason.COMPLETED, null, T0.plusSeconds(40 * 60)))
                .expectEvents(new InfusionAdministeredEvent(COURSE, PATIENT, SESSION, DENVER, T0, T0.plusSeconds(40 * 60),
                        new BigDecimal("36.2"), new BigDecimal("0.5"), WEIGHT, 1, StopReason.COMPLETED, null)); // 0 -> 16 min is over 15
    }

    @Test
    void resumingNeedsAHoldAReadingBackUnderTheHoldThresholdsAndAClinicianDecision() {
        Instant heldAt = T0.plusSeconds(900);
        DoseHeldEvent held = new DoseHeldEvent(COURSE, PATIENT, SESSION, DENVER, List.of("SpO2 91 below 92"), heldAt);
        Vitals recovered = new Vitals(150, 90, 80, 97, T0.plusSeconds(1200));
        Instant resumeAt = T0.plusSeconds(1260);
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new ResumeInfusionCommand(COURSE, SESSION, recovered, "recovered", "nurse.denver", resumeAt))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("not on hold"));
        fixture.given(opened(Modality.IV_KETAMINE), started(), held)
                .when(new ResumeInfusionCommand(COURSE, SESSION, recovered, " ", "nurse.denver", resumeAt))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("decision")).expectNoEvents();
        Vitals stillLow = new Vitals(150, 90, 80, 91, T0.plusSeconds(1200));
        fixture.given(opened(Modality.IV_KETAMINE), started(), held)
                .when(new ResumeInfusionCommand(COURSE, SESSION, stillLow, "looks fine", "nurse.denver", resumeAt))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("SpO2 91 below 92"))
                .expectNoEvents();
        Vitals fromBeforeTheHold = new Vitals(150, 90, 80, 97, T0.plusSeconds(600));
        fixture.given(opened(Modality.IV_KETAMINE), started(), held)
                .when(new ResumeInfusionCommand(COURSE, SESSION, fromBeforeTheHold, "was fine earlier", "nurse.denver", resumeAt))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("reading to resume on"))
                .expectNoEvents();
        fixture.given(opened(Modality.IV_KETAMINE), started(), held)
                .when(new ResumeInfusionCommand(COURSE, SESSION, recovered, "SpO2 back to 97 on room air", "nurse.denver", resumeAt))
                .expectEvents(new SessionVitalsRecordedEvent(COURSE, SESSION, recovered),
                        new InfusionResumedEvent(COURSE, SESSION, "SpO2 back to 97 on room air", "nurse.denver", resumeAt));
    }

    @Test
    void dischargeNeedsTheControlledSubstanceRecordAndTheObservationPeriod() {
        InfusionAdministeredEvent administered = new InfusionAdministeredEvent(COURSE, PATIENT, SESSION, DENVER, T0,
                T0.plusSeconds(2400), new BigDecimal("36.2"), new BigDecimal("0.5"), WEIGHT, 1, StopReason.COMPLETED, null);
        Instant twentyNineMinutesLater = T0.plusSeconds(2400 + 29 * 60);
        Instant thirtyMinutesLater = T0.plusSeconds(2400 + 30 * 60);
        fixture.given(opened(Modality.IV_KETAMINE), started(), administered)
                .when(new CompleteInfusionSessionCommand(COURSE, SESSION, calmAt(thirtyMinutesLater), true, thirtyMinutesLater))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("witness"));
        ControlledSubstanceRecordedEvent record = new ControlledSubstanceRecordedEvent(COURSE, SESSION, "LOT1",
                new BigDecimal("36.2"), new BigDecimal("13.8"), "nurse.b");
        fixture.given(opened(Modality.IV_KETAMINE), started(), administered, record)
                .when(new CompleteInfusionSessionCommand(COURSE, SESSION, calmAt(twentyNineMinutesLater), true, twentyNineMinutesLater))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("30 min"));
        fixture.given(opened(Modality.IV_KETAMINE), started(), administered, record)
                .when(new CompleteInfusionSessionCommand(COURSE, SESSION, calmAt(thirtyMinutesLater), true, thirtyMinutesLater))
                .expectEvents(new SessionCompletedEvent(COURSE, PATIENT, SESSION, DENVER, calmAt(thirtyMinutesLater), null,
                        thirtyMinutesLater));
    }

    @Test
    void aTransferMovesTheCourseAndSessionsFollowIt() {
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(new TransferCourseCommand(COURSE, BOULDER, "moved house", T0))
                .expectEvents(new CourseTransferredEvent(COURSE, PATIENT, DENVER, BOULDER, "moved house", T0));
        fixture.given(opened(Modality.IV_KETAMINE), new CourseTransferredEvent(COURSE, PATIENT, DENVER, BOULDER, "moved", T0))
                .when(start(T0, CALM, "0.5", null))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("transfer"));
        fixture.given(opened(Modality.IV_KETAMINE), new CourseTransferredEvent(COURSE, PATIENT, DENVER, BOULDER, "moved", T0))
                .when(new StartInfusionSessionCommand(COURSE, SESSION, BOULDER, ZONE, CALM, true, true, WEIGHT, T0, new BigDecimal("0.5"), Map.of(), "nurse.denver", false, T0))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRunningInfusionCannotBeClosedAsASpravatoSessionNorASpravatoSessionAsAnInfusion() {
        Instant twoHours = T0.plus(Duration.ofHours(2));
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new CompleteSpravatoSessionCommand(COURSE, SESSION, CALM, CALM, true, true, true, twoHours))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("IV infusion session"))
                .expectNoEvents();
        UUID spravatoSession = UUID.randomUUID();
        SpravatoSessionStartedEvent dosed = new SpravatoSessionStartedEvent(COURSE, PATIENT, spravatoSession, DENVER, 56, CALM, List.of(), T0);
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed)
                .when(new CompleteInfusionSessionCommand(COURSE, spravatoSession, CALM, true, twoHours))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("Spravato session"))
                .expectNoEvents();
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed)
                .when(new StopInfusionCommand(COURSE, spravatoSession, new BigDecimal("56"), StopReason.COMPLETED, null, twoHours))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("Spravato session"))
                .expectNoEvents();
    }

    @Test
    void aSpravatoSessionOwesARemsFormWithinSevenDays() {
        UUID spravatoSession = UUID.randomUUID();
        fixture.given(opened(Modality.SPRAVATO), enrolled())
                .when(new StartSpravatoSessionCommand(COURSE, spravatoSession, DENVER, ZONE, 84, CALM, Map.of(), "prescriber.denver", true, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("56 mg"));
        fixture.given(opened(Modality.SPRAVATO), enrolled())
                .when(new StartSpravatoSessionCommand(COURSE, spravatoSession, DENVER, ZONE, 56, CALM, Map.of(), "prescriber.denver", true, T0))
                .expectEvents(new SpravatoSessionStartedEvent(COURSE, PATIENT, spravatoSession, DENVER, 56, CALM, List.of(), T0),
                        new RemsFormDueEvent(COURSE, PATIENT, spravatoSession, DENVER, T0.plus(Duration.ofDays(7))));
        SpravatoSessionStartedEvent dosed = new SpravatoSessionStartedEvent(COURSE, PATIENT, spravatoSession, DENVER, 56, CALM, List.of(), T0);
        RemsFormDueEvent due = new RemsFormDueEvent(COURSE, PATIENT, spravatoSession, DENVER, T0.plus(Duration.ofDays(7)));
        Instant onTime = T0.plus(Duration.ofDays(7));
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed, due)
                .when(new SubmitRemsFormCommand(COURSE, spravatoSession, "REMS-123", onTime))
                .expectEvents(new RemsFormSubmittedEvent(COURSE, PATIENT, spravatoSession, DENVER, "REMS-123", onTime, false));
        Instant late = onTime.plusSeconds(1);
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed, due)
                .when(new SubmitRemsFormCommand(COURSE, spravatoSession, "REMS-124", late))
                .expectEvents(new RemsFormSubmittedEvent(COURSE, PATIENT, spravatoSession, DENVER, "REMS-124", late, true));
    }

    @Test
    void aSpravatoDoseAboveTheBpDelayThresholdNeedsAReasonToProceed() {
        UUID spravatoSession = UUID.randomUUID();
        Vitals atThreshold = new Vitals(140, 90, 80, 97, T0);
        Vitals above = new Vitals(141, 88, 80, 97, T0);
        fixture.given(opened(Modality.SPRAVATO), enrolled())
                .when(new StartSpravatoSessionCommand(COURSE, spravatoSession, DENVER, ZONE, 56, atThreshold, Map.of(), "prescriber.denver", true, T0))
                .expectSuccessfulHandlerExecution();
        fixture.given(opened(Modality.SPRAVATO), enrolled())
                .when(new StartSpravatoSessionCommand(COURSE, spravatoSession, DENVER, ZONE, 56, above, Map.of(), "prescriber.denver", true, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("141/88"))
                .expectNoEvents();
        fixture.given(opened(Modality.SPRAVATO), enrolled())
                .when(new StartSpravatoSessionCommand(COURSE, spravatoSession, DENVER, ZONE, 56, above,
                        Map.of(OverrideRule.SPRAVATO_BP_DELAY, "baseline BP, cardiology cleared"), "prescriber.denver", true, T0))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSpravatoDischargeNeedsTwoHoursAndKeepsTheFortyMinuteCheck() {
        UUID spravatoSession = UUID.randomUUID();
        SpravatoSessionStartedEvent dosed = new SpravatoSessionStartedEvent(COURSE, PATIENT, spravatoSession, DENVER, 56, CALM, List.of(), T0);
        RemsFormDueEvent due = new RemsFormDueEvent(COURSE, PATIENT, spravatoSession, DENVER, T0.plus(Duration.ofDays(7)));
        Vitals fortyMinutes = new Vitals(150, 92, 80, 97, T0.plusSeconds(40 * 60));
        Instant early = T0.plus(Duration.ofMinutes(119));
        Instant twoHours = T0.plus(Duration.ofMinutes(120));
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed, due)
                .when(new CompleteSpravatoSessionCommand(COURSE, spravatoSession, fortyMinutes, calmAt(early), true, true, true, early))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("120 min"));
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed, due)
                .when(new CompleteSpravatoSessionCommand(COURSE, spravatoSession, fortyMinutes, calmAt(twoHours), true, false, true, twoHours))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("dissociation"));
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed, due)
                .when(new CompleteSpravatoSessionCommand(COURSE, spravatoSession, fortyMinutes, calmAt(twoHours), true, true, true, twoHours))
                .expectEvents(new SessionCompletedEvent(COURSE, PATIENT, spravatoSession, DENVER, calmAt(twoHours), fortyMinutes,
                        twoHours));
    }

    @Test
    void spravatoFollowsTheInductionSchedule() {
        BiFunction<UUID, Instant, Object[]> doseGiven = (session, at) -> new Object[] {
                new SpravatoSessionStartedEvent(COURSE, PATIENT, session, DENVER, 56, CALM, List.of(), at),
                new RemsFormDueEvent(COURSE, PATIENT, session, DENVER, at.plus(Duration.ofDays(7))),
                new SessionCompletedEvent(COURSE, PATIENT, session, DENVER, CALM, CALM, at.plus(Duration.ofHours(2)))};
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<Object> twoThisWeek = new ArrayList<>(List.of(opened(Modality.SPRAVATO), enrolled()));
        twoThisWeek.addAll(List.of(doseGiven.apply(first, T0)));
        twoThisWeek.addAll(List.of(doseGiven.apply(second, T0.plus(Duration.ofDays(3)))));
        fixture.given(twoThisWeek)
                .when(new StartSpravatoSessionCommand(COURSE, UUID.randomUUID(), DENVER, ZONE, 84, calmAt(T0.plus(Duration.ofDays(6))), Map.of(), "prescriber.denver", true, T0.plus(Duration.ofDays(6))))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("two"));
        fixture.given(twoThisWeek)
                .when(new StartSpravatoSessionCommand(COURSE, UUID.randomUUID(), DENVER, ZONE, 84, calmAt(T0.plus(Duration.ofDays(7))), Map.of(), "prescriber.denver", true, T0.plus(Duration.ofDays(7))))
                .expectSuccessfulHandlerExecution();
        List<Object> week5 = new ArrayList<>(List.of(opened(Modality.SPRAVATO), enrolled()));
        week5.addAll(List.of(doseGiven.apply(first, T0)));
        week5.addAll(List.of(doseGiven.apply(second, T0.plus(Duration.ofDays(29)))));
        fixture.given(week5)
                .when(new StartSpravatoSessionCommand(COURSE, UUID.randomUUID(), DENVER, ZONE, 84, calmAt(T0.plus(Duration.ofDays(33))), Map.of(), "prescriber.denver", true, T0.plus(Duration.ofDays(33))))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("week 5"));
    }

    @Test
    void outcomesAreJudgedAgainstTheCourseBaseline() {
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(new RecordOutcomeCommand(COURSE, SUBMISSION, null, Instrument.PHQ9, PHQ9_TEN, T0))
                .expectEvents(new OutcomeRecordedEvent(COURSE, PATIENT, SUBMISSION, null, DENVER, "phq-9", PHQ9_TEN, 10, "moderate", 20,
                        -50, true, false, false, true, T0));
    }

    @Test
    void theSameExternalFactDeliveredTwiceIsRecordedOnce() {
        UUID sourceEvent = UUID.randomUUID();
        ExternalFactRecordedEvent recorded = new ExternalFactRecordedEvent(COURSE, PATIENT, "screening", sourceEvent,
                "SafetyAlertRaised", Map.of("trigger", "phq-9-item-9"), T0);
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(new RecordExternalFactCommand(COURSE, "screening", sourceEvent, "SafetyAlertRaised", Map.of("trigger", "phq-9-item-9"), T0))
                .expectEvents(recorded);
        fixture.given(opened(Modality.IV_KETAMINE), recorded)
                .when(new RecordExternalFactCommand(COURSE, "screening", sourceEvent, "SafetyAlertRaised", Map.of("trigger", "phq-9-item-9"), T0))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static InfusionAdministeredEvent administered(Instant stoppedAt) {
        return new InfusionAdministeredEvent(COURSE, PATIENT, SESSION, DENVER, T0, stoppedAt, new BigDecimal("36.2"),
                new BigDecimal("0.5"), WEIGHT, 0, StopReason.COMPLETED, null);
    }

    private static Object[] completedInfusion() {
        Instant stop = T0.plusSeconds(2400);
        Instant discharge = stop.plus(Duration.ofMinutes(30));
        return new Object[] {opened(Modality.IV_KETAMINE), started(), administered(stop),
                new ControlledSubstanceRecordedEvent(COURSE, SESSION, "LOT1", new BigDecimal("36.2"), new BigDecimal("13.8"), "nurse.b"),
                new SessionCompletedEvent(COURSE, PATIENT, SESSION, DENVER, calmAt(discharge), null, discharge)};
    }

    @Test
    void aRunningInfusionIsAbortedWithWhatRanAndAReasonAndFreesTheCourse() {
        Instant at = T0.plus(Duration.ofMinutes(12));
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new AbortInfusionSessionCommand(COURSE, SESSION, AbortReason.TRANSFERRED_TO_ED, "chest pain", null, at))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("how many mg ran"))
                .expectNoEvents();
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new AbortInfusionSessionCommand(COURSE, SESSION, AbortReason.OTHER, " ", new BigDecimal("10"), at))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("other")).expectNoEvents();
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new AbortInfusionSessionCommand(COURSE, SESSION, AbortReason.TRANSFERRED_TO_ED, " chest pain ",
                        new BigDecimal("10.9"), at))
                .expectEvents(new InfusionAdministeredEvent(COURSE, PATIENT, SESSION, DENVER, T0, at, new BigDecimal("10.9"),
                                new BigDecimal("0.5"), WEIGHT, 0, StopReason.SESSION_ABORTED, "chest pain"),
                        new SessionAbortedEvent(COURSE, PATIENT, SESSION, DENVER, Modality.IV_KETAMINE, AbortReason.TRANSFERRED_TO_ED,
                                "chest pain", at));
        SessionAbortedEvent aborted = new SessionAbortedEvent(COURSE, PATIENT, SESSION, DENVER, Modality.IV_KETAMINE,
                AbortReason.PATIENT_LEFT, null, at);
        fixture.given(opened(Modality.IV_KETAMINE), started(), administered(at), aborted)
                .when(new TransferCourseCommand(COURSE, BOULDER, "closer to home", at.plusSeconds(60)))
                .expectSuccessfulHandlerExecution();
        fixture.given(opened(Modality.IV_KETAMINE), started(), administered(at), aborted)
                .when(new StopInfusionCommand(COURSE, SESSION, new BigDecimal("36.2"), StopReason.COMPLETED, null, at.plusSeconds(60)))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(completedInfusion())
                .when(new AbortInfusionSessionCommand(COURSE, SESSION, AbortReason.PATIENT_LEFT, null, null, T0.plus(Duration.ofHours(2))))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("has ended")).expectNoEvents();
    }

    @Test
    void aSpravatoSessionIsAbortedWithAReasonAndStillOwesItsRemsForm() {
        UUID spravato = UUID.randomUUID();
        SpravatoSessionStartedEvent dosed = new SpravatoSessionStartedEvent(COURSE, PATIENT, spravato, DENVER, 56, CALM, List.of(), T0);
        RemsFormDueEvent due = new RemsFormDueEvent(COURSE, PATIENT, spravato, DENVER, T0.plus(Duration.ofDays(7)));
        Instant at = T0.plus(Duration.ofMinutes(50));
        SessionAbortedEvent aborted = new SessionAbortedEvent(COURSE, PATIENT, spravato, DENVER, Modality.SPRAVATO,
                AbortReason.PATIENT_LEFT, "left against advice with escort", at);
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed, due)
                .when(new AbortSpravatoSessionCommand(COURSE, spravato, AbortReason.PATIENT_LEFT, "left against advice with escort", at))
                .expectEvents(aborted);
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed, due, aborted)
                .when(new SubmitRemsFormCommand(COURSE, spravato, "REMS-9", at.plusSeconds(3600)))
                .expectSuccessfulHandlerExecution();
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed, due, aborted)
                .when(new CompleteSpravatoSessionCommand(COURSE, spravato, calmAt(T0.plus(Duration.ofMinutes(40))),
                        calmAt(T0.plus(Duration.ofHours(2))), true, true, true, T0.plus(Duration.ofHours(2))))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("has ended")).expectNoEvents();
    }

    @Test
    void aStopRecordsItsReasonAndOtherNeedsANote() {
        Instant at = T0.plus(Duration.ofMinutes(15));
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new StopInfusionCommand(COURSE, SESSION, new BigDecimal("12"), StopReason.OTHER, null, at))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new StopInfusionCommand(COURSE, SESSION, new BigDecimal("12"), StopReason.PATIENT_REQUEST, "felt unwell", at))
                .expectEvents(new InfusionAdministeredEvent(COURSE, PATIENT, SESSION, DENVER, T0, at, new BigDecimal("12"),
                        new BigDecimal("0.5"), WEIGHT, 0, StopReason.PATIENT_REQUEST, "felt unwell"));
    }

    @Test
    void adverseEventsAreTakenUpToTheProtocolsDaysAfterDischargeAndSeriousOrSevereOnesAreFollowedUp() {
        Instant discharge = T0.plusSeconds(2400).plus(Duration.ofMinutes(30));
        Instant lastDay = discharge.plus(Duration.ofDays(PROTOCOL.adverseEvents().reportingDays()));
        Instant onset = discharge.plus(Duration.ofDays(2));
        fixture.given(completedInfusion())
                .when(new ReportAdverseEventCommand(COURSE, SESSION, "persistent dissociation", AdverseEventSeverity.MODERATE, false,
                        "phone review, GP letter", onset, lastDay))
                .expectEvents(new AdverseEventReportedEvent(COURSE, PATIENT, SESSION, DENVER, "persistent dissociation",
                        AdverseEventSeverity.MODERATE, null, false, false, "phone review, GP letter", onset, lastDay));
        fixture.given(completedInfusion())
                .when(new ReportAdverseEventCommand(COURSE, SESSION, "headache", AdverseEventSeverity.MILD, false, "advice", onset,
                        lastDay.plusSeconds(1)))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("14 days")).expectNoEvents();
        fixture.given(completedInfusion())
                .when(new ReportAdverseEventCommand(COURSE, SESSION, "headache", AdverseEventSeverity.MILD, false, "advice",
                        T0.minusSeconds(60), onset))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("onset")).expectNoEvents();
        fixture.given(completedInfusion())
                .when(new ReportAdverseEventCommand(COURSE, SESSION, "syncope at home", AdverseEventSeverity.MODERATE, true,
                        "ED visit, admitted overnight", onset, onset))
                .expectEvents(new AdverseEventReportedEvent(COURSE, PATIENT, SESSION, DENVER, "syncope at home",
                        AdverseEventSeverity.MODERATE, null, true, true, "ED visit, admitted overnight", onset, onset));
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new ReportAdverseEventCommand(COURSE, SESSION, "hypertension", AdverseEventSeverity.SEVERE, false,
                        "infusion stopped", T0.plusSeconds(600), T0.plusSeconds(600)))
                .expectEvents(new AdverseEventReportedEvent(COURSE, PATIENT, SESSION, DENVER, "hypertension",
                        AdverseEventSeverity.SEVERE, null, false, true, "infusion stopped", T0.plusSeconds(600), T0.plusSeconds(600)));
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(new ReportAdverseEventCommand(COURSE, SESSION, "nausea", AdverseEventSeverity.MILD, false, "none", T0, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("not a session")).expectNoEvents();
    }

    @Test
    void everyOverrideKeepsWhoWhenAndWhyInItsEvent() {
        StartInfusionSessionCommand aboveCap = start(T0, CALM, "1.0", " tolerated 110 mg last course ").withWeight(new BigDecimal("120"));
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(aboveCap)
                .expectEvents(new InfusionSessionStartedEvent(COURSE, PATIENT, SESSION, DENVER, CALM, new BigDecimal("120"),
                        T0.minus(Duration.ofDays(3)), new BigDecimal("1.0"), new BigDecimal("120.0"),
                        List.of(new ClinicalOverride(OverrideRule.DOSE_CAP, "prescriber.denver", T0, "tolerated 110 mg last course")), T0));

        Instant tooSoon = T0.plus(Duration.ofHours(20));
        UUID second = UUID.randomUUID();
        List<Object> oneGiven = new ArrayList<>(List.of(completedInfusion()));
        fixture.given(oneGiven)
                .when(new StartInfusionSessionCommand(COURSE, second, DENVER, ZONE, calmAt(tooSoon), true, true, WEIGHT, T0, new BigDecimal("0.5"),
                        Map.of(OverrideRule.MINIMUM_SPACING, "travelling abroad from tomorrow"), "prescriber.denver", true, tooSoon))
                .expectEvents(new InfusionSessionStartedEvent(COURSE, PATIENT, second, DENVER, calmAt(tooSoon), WEIGHT, T0,
                        new BigDecimal("0.5"), new BigDecimal("36.2"),
                        List.of(new ClinicalOverride(OverrideRule.MINIMUM_SPACING, "prescriber.denver", tooSoon,
                                "travelling abroad from tomorrow")), tooSoon));

        UUID spravato = UUID.randomUUID();
        Vitals above = new Vitals(146, 88, 80, 97, T0);
        fixture.given(opened(Modality.SPRAVATO), enrolled())
                .when(new StartSpravatoSessionCommand(COURSE, spravato, DENVER, ZONE, 56, above,
                        Map.of(OverrideRule.SPRAVATO_BP_DELAY, "usual BP, cardiology cleared"),
                        "prescriber.denver", true, T0))
                .expectEvents(new SpravatoSessionStartedEvent(COURSE, PATIENT, spravato, DENVER, 56, above,
                                List.of(new ClinicalOverride(OverrideRule.SPRAVATO_BP_DELAY, "prescriber.denver", T0,
                                        "usual BP, cardiology cleared")), T0),
                        new RemsFormDueEvent(COURSE, PATIENT, spravato, DENVER, T0.plus(Duration.ofDays(7))));
    }

    @Test
    void readingsAreJudgedByWhenTheyWereTakenAgainstTheSessionsClock() {
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new RecordInfusionVitalsCommand(COURSE, SESSION, calmAt(T0.minusSeconds(60)), T0.plusSeconds(600)))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("taken between")).expectNoEvents();
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new RecordInfusionVitalsCommand(COURSE, SESSION, calmAt(T0.plusSeconds(900)), T0.plusSeconds(600)))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("taken between")).expectNoEvents();
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(start(T0, calmAt(T0.minus(Duration.ofMinutes(31))), "0.5", null))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("pre-start vitals")).expectNoEvents();
        // Charted late, a reading taken at 14 min closes the gap it was taken in: 0-14-28-40 misses no interval.
        Vitals at28 = calmAt(T0.plus(Duration.ofMinutes(28)));
        Vitals at14ChartedLate = calmAt(T0.plus(Duration.ofMinutes(14)));
        Instant stop = T0.plus(Duration.ofMinutes(40));
        fixture.given(opened(Modality.IV_KETAMINE), started(), new SessionVitalsRecordedEvent(COURSE, SESSION, at28),
                        new SessionVitalsRecordedEvent(COURSE, SESSION, at14ChartedLate))
                .when(new StopInfusionCommand(COURSE, SESSION, new BigDecimal("36.2"), StopReason.COMPLETED, null, stop))
                .expectEvents(new InfusionAdministeredEvent(COURSE, PATIENT, SESSION, DENVER, T0, stop, new BigDecimal("36.2"),
                        new BigDecimal("0.5"), WEIGHT, 0, StopReason.COMPLETED, null));
        // The Spravato post-dose BP belongs about 40 min after the dose, not at discharge.
        UUID spravato = UUID.randomUUID();
        SpravatoSessionStartedEvent dosed = new SpravatoSessionStartedEvent(COURSE, PATIENT, spravato, DENVER, 56, CALM, List.of(), T0);
        Instant twoHours = T0.plus(Duration.ofHours(2));
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed)
                .when(new CompleteSpravatoSessionCommand(COURSE, spravato, calmAt(T0.plus(Duration.ofMinutes(20))), calmAt(twoHours),
                        true, true, true, twoHours))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("post-dose BP")).expectNoEvents();
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed)
                .when(new CompleteSpravatoSessionCommand(COURSE, spravato, calmAt(twoHours), calmAt(twoHours), true, true, true, twoHours))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("post-dose BP")).expectNoEvents();
        fixture.given(opened(Modality.SPRAVATO), enrolled(), dosed)
                .when(new RecordInfusionVitalsCommand(COURSE, spravato, calmAt(T0.plusSeconds(600)), T0.plusSeconds(600)))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("Spravato session")).expectNoEvents();
    }

    @Test
    void futilityCountsCompletedSpravatoSessionsToo() {
        List<Object> threeDoses = new ArrayList<>(List.of(opened(Modality.SPRAVATO), enrolled()));
        for (int week = 0; week < 3; week++) {
            UUID session = UUID.randomUUID();
            Instant at = T0.plus(Duration.ofDays(7L * week));
            threeDoses.add(new SpravatoSessionStartedEvent(COURSE, PATIENT, session, DENVER, 56, calmAt(at), List.of(), at));
            threeDoses.add(new SessionCompletedEvent(COURSE, PATIENT, session, DENVER, calmAt(at), calmAt(at), at.plus(Duration.ofHours(2))));
        }
        Instant at = T0.plus(Duration.ofDays(15));
        fixture.given(threeDoses)
                .when(new RecordOutcomeCommand(COURSE, SUBMISSION, null, Instrument.PHQ9, PHQ9_EIGHTEEN, at))
                .expectEvents(new OutcomeRecordedEvent(COURSE, PATIENT, SUBMISSION, null, DENVER, "phq-9", PHQ9_EIGHTEEN, 18,
                        "moderately-severe", 20, -10, false, false, true, true, at));
    }

    @Test
    void aCourseWithASessionInProgressCannotBeClosed() {
        fixture.given(opened(Modality.IV_KETAMINE), started())
                .when(new CloseCourseCommand(COURSE, Phase.DISCONTINUED, "moved away", T0.plusSeconds(60)))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("abort")).expectNoEvents();
    }

    private static OpenCourseCommand open(Modality modality, Indication indication, Instant at) {
        EligibilityRef eligibility = new EligibilityRef(ELIGIBLE.decisionId(), ELIGIBLE.sourceEventId(), "eligible", modality.code(), 1,
                ELIGIBLE.validUntil());
        return new OpenCourseCommand(COURSE, PATIENT, DENVER, ZONE, modality, indication, eligibility, BASELINE, PLAN, PROTOCOL, 4, at);
    }

    private static CourseOpenedEvent opened(Indication indication) {
        return new CourseOpenedEvent(COURSE, PATIENT, DENVER, Modality.IV_KETAMINE, indication, ELIGIBLE, PLAN, PROTOCOL, 4, BASELINE,
                T0.minusSeconds(86_400));
    }

    /** One completed infusion of a series, {@code days} after T0. */
    private static List<Object> infusionDone(UUID session, int days) {
        Instant start = T0.plus(Duration.ofDays(days));
        Instant stop = start.plus(Duration.ofMinutes(40));
        Instant discharge = stop.plus(Duration.ofMinutes(30));
        return List.of(new InfusionSessionStartedEvent(COURSE, PATIENT, session, DENVER, calmAt(start), WEIGHT, start,
                        new BigDecimal("0.5"), new BigDecimal("36.2"), List.of(), start),
                new InfusionAdministeredEvent(COURSE, PATIENT, session, DENVER, start, stop, new BigDecimal("36.2"),
                        new BigDecimal("0.5"), WEIGHT, 0, StopReason.COMPLETED, null),
                new ControlledSubstanceRecordedEvent(COURSE, session, "LOT1", new BigDecimal("36.2"), BigDecimal.ZERO, "nurse.b"),
                new SessionCompletedEvent(COURSE, PATIENT, session, DENVER, calmAt(discharge), null, discharge));
    }

    private static StartInfusionSessionCommand startAt(Instant at, Map<OverrideRule, String> overrides) {
        return new StartInfusionSessionCommand(COURSE, SESSION, DENVER, ZONE, calmAt(at), true, true, WEIGHT, at.minus(Duration.ofDays(1)),
                new BigDecimal("0.5"), overrides, "prescriber.denver", true, at);
    }

    @Test
    void eligibilityRunsThroughItsLastDayInTheClinicsZone() {
        // valid until 2027-05-01; Denver is UTC-6 in May. 18:30 there is already May 2 in UTC.
        fixture.givenNoPriorActivity()
                .when(open(Modality.IV_KETAMINE, Indication.DEPRESSION, Instant.parse("2027-05-02T00:30:00Z")))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(open(Modality.IV_KETAMINE, Indication.DEPRESSION, Instant.parse("2027-05-02T05:59:59Z")))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(open(Modality.IV_KETAMINE, Indication.DEPRESSION, Instant.parse("2027-05-02T06:00:00Z")))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("America/Denver")).expectNoEvents();
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(startAt(Instant.parse("2027-05-02T05:59:00Z"), Map.of()))
                .expectSuccessfulHandlerExecution();
        fixture.given(opened(Modality.IV_KETAMINE))
                .when(startAt(Instant.parse("2027-05-02T06:00:00Z"), Map.of()))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("expired")).expectNoEvents();
    }

    @Test
    void aCourseIsJudgedOnTheTargetInstrumentOfItsIndicationWhoseBaselineScreeningScored() {
        fixture.givenNoPriorActivity()
                .when(open(Modality.IV_KETAMINE, Indication.PTSD, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("pcl-5")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(open(Modality.SPRAVATO, Indication.ANXIETY, T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("depression")).expectNoEvents();
        List<Integer> gad7Seven = List.of(1, 1, 1, 1, 1, 1, 1);
        fixture.given(opened(Indication.ANXIETY))
                .when(new RecordOutcomeCommand(COURSE, SUBMISSION, null, Instrument.GAD7, gad7Seven, T0))
                .expectEvents(new OutcomeRecordedEvent(COURSE, PATIENT, SUBMISSION, null, DENVER, "gad-7", gad7Seven, 7, "mild", 14, -50,
                        true, false, false, true, T0));
        List<Object> threeDone = new ArrayList<>(List.of(opened(Indication.ANXIETY)));
        for (int day = 0; day < 3; day++) {
            threeDone.addAll(infusionDone(UUID.randomUUID(), day));
        }
        fixture.given(threeDone)
                .when(new RecordOutcomeCommand(COURSE, SUBMISSION, null, Instrument.PHQ9, PHQ9_EIGHTEEN, T0.plus(Duration.ofDays(4))))
                .expectEvents(new OutcomeRecordedEvent(COURSE, PATIENT, SUBMISSION, null, DENVER, "phq-9", PHQ9_EIGHTEEN, 18,
                        "moderately-severe", 20, -10, false, false, false, false, T0.plus(Duration.ofDays(4))));
        fixture.given(opened(Indication.DEPRESSION))
                .when(new RecordOutcomeCommand(COURSE, SUBMISSION, null, Instrument.PAIN_NRS, List.of(3), T0))
                .expectEvents(new OutcomeRecordedEvent(COURSE, PATIENT, SUBMISSION, null, DENVER, "pain-nrs", List.of(3), 3, "mild", null,
                        null, null, true, false, false, T0));
        fixture.given(opened(Indication.DEPRESSION))
                .when(new RecordOutcomeCommand(COURSE, SUBMISSION, null, Instrument.CSSRS, List.of(0, 0, 0, 0, 0, 0), T0))
                .expectException(InvalidFieldException.class).expectNoEvents();
        fixture.given(opened(Indication.DEPRESSION))
                .when(new RecordOutcomeCommand(COURSE, SUBMISSION, null, Instrument.PHQ9, List.of(1, 1, 1), T0))
                .expectException(InvalidFieldException.class).expectNoEvents();
    }

    @Test
    void aPhq9WithItemNineAboveZeroDuringTheCourseRaisesAnAlertThatHoldsTheCourseUntilAPrescriberFollowsUp() {
        List<Integer> itemNine = List.of(1, 1, 1, 1, 1, 1, 1, 1, 1);
        UUID alert = SafetyAlerts.alertIdFor(SUBMISSION);
        SafetyAlertRaisedEvent raised = new SafetyAlertRaisedEvent(COURSE, PATIENT, alert, DENVER, "phq-9-item-9", "treatment", null, T0);
        fixture.given(opened(Indication.DEPRESSION))
                .when(new RecordOutcomeCommand(COURSE, SUBMISSION, null, Instrument.PHQ9, itemNine, T0))
                .expectEvents(new OutcomeRecordedEvent(COURSE, PATIENT, SUBMISSION, null, DENVER, "phq-9", itemNine, 9, "mild", 20, -55,
                        true, false, false, true, T0), raised);
        Instant later = T0.plus(Duration.ofHours(2));
        fixture.given(opened(Indication.DEPRESSION), raised)
                .when(startAt(later, Map.of()))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString(alert.toString())).expectNoEvents();
        fixture.given(opened(Indication.DEPRESSION), raised)
                .when(new ResolveSafetyAlertCommand(COURSE, alert, " ", CourseSafetyDisposition.CONTINUE_TREATMENT, "prescriber.denver", later))
                .expectException(BusinessRuleViolation.class).expectNoEvents();
        SafetyAlertResolvedEvent resolved = new SafetyAlertResolvedEvent(COURSE, PATIENT, alert, DENVER, "treatment",
                "continue-treatment", "C-SSRS negative, safety plan reviewed", "prescriber.denver", later);
        fixture.given(opened(Indication.DEPRESSION), raised)
                .when(new ResolveSafetyAlertCommand(COURSE, alert, "C-SSRS negative, safety plan reviewed",
                        CourseSafetyDisposition.CONTINUE_TREATMENT, "prescriber.denver", later))
                .expectEvents(resolved);
        fixture.given(opened(Indication.DEPRESSION), raised, resolved)
                .when(startAt(later.plusSeconds(60), Map.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNewerIneligibleDecisionHoldsTheCourseUntilAPrescriberDecidesAndAStaleOneChangesNothing() {
        UUID source = UUID.randomUUID();
        EligibilityRef ineligible = new EligibilityRef(UUID.randomUUID(), source, "ineligible", "iv-ketamine", 2, LocalDate.of(2027, 6, 1));
        Instant decidedAt = T0.plus(Duration.ofDays(1));
        RecordScreeningFactCommand fact = new RecordScreeningFactCommand(COURSE, source, "EligibilityDecided", ineligible, null, decidedAt);
        ExternalFactRecordedEvent recorded = new ExternalFactRecordedEvent(COURSE, PATIENT, "screening", source, "EligibilityDecided",
                Map.of("outcome", "ineligible", "modality", "iv-ketamine", "validUntil", "2027-06-01"), decidedAt);
        CourseHeldEvent held = new CourseHeldEvent(COURSE, PATIENT, DENVER, "eligibility-ineligible", ineligible.decisionId(), decidedAt);
        fixture.given(opened(Indication.DEPRESSION))
                .when(fact)
                .expectEvents(recorded, held);
        fixture.given(opened(Indication.DEPRESSION), recorded, held)
                .when(fact)
                .expectSuccessfulHandlerExecution().expectNoEvents();
        Instant later = decidedAt.plus(Duration.ofHours(1));
        fixture.given(opened(Indication.DEPRESSION), recorded, held)
                .when(startAt(later, Map.of()))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("eligibility-ineligible"))
                .expectNoEvents();
        CourseHoldLiftedEvent lifted = new CourseHoldLiftedEvent(COURSE, PATIENT, DENVER, "new BP medication controls it, cardiology letter",
                "prescriber.denver", null, later);
        fixture.given(opened(Indication.DEPRESSION), recorded, held)
                .when(new LiftCourseHoldCommand(COURSE, " new BP medication controls it, cardiology letter ", "prescriber.denver", later))
                .expectEvents(lifted);
        fixture.given(opened(Indication.DEPRESSION), recorded, held, lifted)
                .when(startAt(later.plusSeconds(60), Map.of()))
                .expectSuccessfulHandlerExecution();
        UUID staleSource = UUID.randomUUID();
        EligibilityRef older = new EligibilityRef(UUID.randomUUID(), staleSource, "eligible", "iv-ketamine", 1, LocalDate.of(2027, 2, 1));
        fixture.given(opened(Indication.DEPRESSION), recorded, held)
                .when(new RecordScreeningFactCommand(COURSE, staleSource, "EligibilityDecided", older, null, T0))
                .expectEvents(new ExternalFactRecordedEvent(COURSE, PATIENT, "screening", staleSource, "EligibilityDecided",
                        Map.of("outcome", "eligible", "modality", "iv-ketamine", "validUntil", "2027-02-01"), T0));
    }

    @Test
    void aScreeningAlertHoldsTheCourseAndClearsOnlyFromScreening() {
        UUID source = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        ExternalFactRecordedEvent recorded = new ExternalFactRecordedEvent(COURSE, PATIENT, "screening", source, "SafetyAlertRaised",
                Map.of("alertId", alert.toString(), "trigger", "c-ssrs-high-risk"), T0);
        SafetyAlertRaisedEvent raised = new SafetyAlertRaisedEvent(COURSE, PATIENT, alert, DENVER, "c-ssrs-high-risk", "screening",
                source, T0);
        fixture.given(opened(Indication.DEPRESSION))
                .when(new RecordScreeningFactCommand(COURSE, source, "SafetyAlertRaised", null,
                        new RecordScreeningFactCommand.ScreeningAlert(alert, "c-ssrs-high-risk", null), T0))
                .expectEvents(recorded, raised);
        fixture.given(opened(Indication.DEPRESSION), recorded, raised)
                .when(new ResolveSafetyAlertCommand(COURSE, alert, "plan", CourseSafetyDisposition.CONTINUE_TREATMENT, "prescriber.denver", T0))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("screening case")).expectNoEvents();
        UUID followUp = UUID.randomUUID();
        fixture.given(opened(Indication.DEPRESSION), recorded, raised)
                .when(new RecordScreeningFactCommand(COURSE, followUp, "SafetyAlertResolved", null,
                        new RecordScreeningFactCommand.ScreeningAlert(alert, null, "outpatient-referral"), T0.plusSeconds(600)))
                .expectEvents(new ExternalFactRecordedEvent(COURSE, PATIENT, "screening", followUp, "SafetyAlertResolved",
                                Map.of("alertId", alert.toString(), "disposition", "outpatient-referral"), T0.plusSeconds(600)),
                        new SafetyAlertResolvedEvent(COURSE, PATIENT, alert, DENVER, "screening", "outpatient-referral", null, null,
                                T0.plusSeconds(600)));
    }

    @Test
    void theSeriesCountAndWindowAreEnforcedOrOverriddenAndReInductionStartsANewSeries() {
        List<Object> sixDone = new ArrayList<>(List.of(opened(Indication.DEPRESSION)));
        for (int i = 0; i < 6; i++) {
            sixDone.addAll(infusionDone(UUID.randomUUID(), 2 * i));
        }
        Instant seventh = T0.plus(Duration.ofDays(13));
        fixture.given(sixDone)
                .when(startAt(seventh, Map.of()))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("6 infusions")).expectNoEvents();
        fixture.given(sixDone)
                .when(startAt(seventh, Map.of(OverrideRule.SERIES_COUNT, "partial response, one more before maintenance")))
                .expectEvents(new InfusionSessionStartedEvent(COURSE, PATIENT, SESSION, DENVER, calmAt(seventh), WEIGHT,
                        seventh.minus(Duration.ofDays(1)), new BigDecimal("0.5"), new BigDecimal("36.2"),
                        List.of(new ClinicalOverride(OverrideRule.SERIES_COUNT, "prescriber.denver", seventh,
                                "partial response, one more before maintenance")), seventh));
        List<Object> twoDone = new ArrayList<>(List.of(opened(Indication.DEPRESSION)));
        twoDone.addAll(infusionDone(UUID.randomUUID(), 0));
        twoDone.addAll(infusionDone(UUID.randomUUID(), 2));
        fixture.given(twoDone)
                .when(startAt(T0.plus(Duration.ofDays(22)), Map.of()))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("21-day window")).expectNoEvents();
        fixture.given(twoDone)
                .when(startAt(T0.plus(Duration.ofDays(3)), Map.of(OverrideRule.DOSE_CAP, "just in case")))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("nothing to override for dose-cap"))
                .expectNoEvents();
        fixture.given(twoDone)
                .when(new ChangePhaseCommand(COURSE, Phase.MAINTENANCE, null, T0.plus(Duration.ofDays(3))))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("2 of 6")).expectNoEvents();
        List<Object> relapsed = new ArrayList<>(sixDone);
        relapsed.add(new PhaseChangedEvent(COURSE, PATIENT, Phase.INDUCTION, Phase.MAINTENANCE, null, T0.plus(Duration.ofDays(12))));
        Instant relapse = T0.plus(Duration.ofDays(90));
        fixture.given(relapsed)
                .when(new ChangePhaseCommand(COURSE, Phase.RE_INDUCTION, null, relapse))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("relapse")).expectNoEvents();
        relapsed.add(new PhaseChangedEvent(COURSE, PATIENT, Phase.MAINTENANCE, Phase.RE_INDUCTION, "PHQ-9 back to 19", relapse));
        fixture.given(relapsed)
                .when(startAt(relapse.plus(Duration.ofHours(1)), Map.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAmendmentCitesTheChartedEntryItCorrectsAndTheCourseGoesOnFromTheCorrection() {
        Vitals reading = calmAt(T0.plus(Duration.ofMinutes(15)));
        Object[] charted = {opened(Modality.IV_KETAMINE), started(), new SessionVitalsRecordedEvent(COURSE, SESSION, reading)};
        Instant now = T0.plus(Duration.ofMinutes(20));
        Amendment weight = new Amendment(Amendment.WEIGHT, new BigDecimal("74.2"), null, null, null, null, null, null);
        fixture.given(charted)
                .when(new AmendEntryCommand(COURSE, SESSION, 1, weight, " scale was not zeroed ", "nurse.denver", now))
                .expectEvents(new EntryAmendedEvent(COURSE, PATIENT, SESSION, DENVER, 1, weight, "scale was not zeroed", "nurse.denver", now));
        Amendment vitals = new Amendment(Amendment.VITALS, null, calmAt(T0.plus(Duration.ofMinutes(14))), null, null, null, null, null);
        fixture.given(charted)
                .when(new AmendEntryCommand(COURSE, SESSION, 2, vitals, "charted with the wrong time", "nurse.denver", now))
                .expectSuccessfulHandlerExecution();
        fixture.given(charted)
                .when(new AmendEntryCommand(COURSE, SESSION, 0, weight, "typo", "nurse.denver", now))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("charted nothing")).expectNoEvents();
        fixture.given(charted)
                .when(new AmendEntryCommand(COURSE, SESSION, 2, weight, "typo", "nurse.denver", now))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("charted vitals, not weight"))
                .expectNoEvents();
        fixture.given(charted)
                .when(new AmendEntryCommand(COURSE, SESSION, 1, weight, " ", "nurse.denver", now))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("why")).expectNoEvents();
        Amendment future = new Amendment(Amendment.VITALS, null, calmAt(now.plusSeconds(60)), null, null, null, null, null);
        fixture.given(charted)
                .when(new AmendEntryCommand(COURSE, SESSION, 2, future, "typo", "nurse.denver", now))
                .expectException(BusinessRuleViolation.class).expectNoEvents();

        // The stop was charted 10 minutes late; discharge is judged from the corrected stop.
        Instant chartedStop = T0.plus(Duration.ofMinutes(40));
        Instant realStop = T0.plus(Duration.ofMinutes(30));
        Instant discharge = realStop.plus(Duration.ofMinutes(30));
        Object[] stopped = {opened(Modality.IV_KETAMINE), started(), administered(chartedStop),
                new ControlledSubstanceRecordedEvent(COURSE, SESSION, "LOT1", new BigDecimal("36.2"), new BigDecimal("13.8"), "nurse.b")};
        fixture.given(stopped)
                .when(new CompleteInfusionSessionCommand(COURSE, SESSION, calmAt(discharge), true, discharge))
                .expectException(BusinessRuleViolation.class).expectExceptionMessage(containsString("30 min"));
        Amendment stopTime = new Amendment(Amendment.STOP_TIME, null, null, realStop, null, null, null, null);
        List<Object> amended = new ArrayList<>(List.of(stopped));
        amended.add(new EntryAmendedEvent(COURSE, PATIENT, SESSION, DENVER, 2, stopTime, "pump stopped at 30 min", "nurse.denver",
                discharge.minusSeconds(60)));
        fixture.given(amended)
                .when(new CompleteInfusionSessionCommand(COURSE, SESSION, calmAt(discharge), true, discharge))
                .expectSuccessfulHandlerExecution();
    }
}
