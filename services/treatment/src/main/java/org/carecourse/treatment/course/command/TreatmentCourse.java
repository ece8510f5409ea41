package org.carecourse.treatment.course.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.instruments.Instrument;
import org.carecourse.instruments.InstrumentAnswers;
import org.carecourse.instruments.InstrumentScore;
import org.carecourse.instruments.InstrumentScoring;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.treatment.clinical.Dose;
import org.carecourse.treatment.clinical.Dosing;
import org.carecourse.treatment.clinical.OutcomeAssessment;
import org.carecourse.treatment.clinical.OutcomeCriteria;
import org.carecourse.treatment.clinical.SpravatoLabel;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.AdverseEventReportedEvent;
import org.carecourse.treatment.course.api.AmendEntryCommand;
import org.carecourse.treatment.course.api.ChangePhaseCommand;
import org.carecourse.treatment.course.api.CloseCourseCommand;
import org.carecourse.treatment.course.api.CourseClosedEvent;
import org.carecourse.treatment.course.api.CourseHeldEvent;
import org.carecourse.treatment.course.api.CourseHoldLiftedEvent;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.CourseTransferredEvent;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.carecourse.treatment.course.api.EligibilityRenewedEvent;
import org.carecourse.treatment.course.api.EntryAmendedEvent;
import org.carecourse.treatment.course.api.ExternalFactRecordedEvent;
import org.carecourse.treatment.course.api.Indication;
import org.carecourse.treatment.course.api.InfusionSessionCommand;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.LiftCourseHoldCommand;
import org.carecourse.treatment.course.api.Modality;
import org.carecourse.treatment.course.api.OpenCourseCommand;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.api.Phase;
import org.carecourse.treatment.course.api.PhaseChangedEvent;
import org.carecourse.treatment.course.api.RecordExternalFactCommand;
import org.carecourse.treatment.course.api.RecordOutcomeCommand;
import org.carecourse.treatment.course.api.RecordRemsEnrolmentCommand;
import org.carecourse.treatment.course.api.RecordScreeningFactCommand;
import org.carecourse.treatment.course.api.RemsFormDueEvent;
import org.carecourse.treatment.course.api.RemsPatientEnrolledEvent;
import org.carecourse.treatment.course.api.ReportAdverseEventCommand;
import org.carecourse.treatment.course.api.ResolveSafetyAlertCommand;
import org.carecourse.treatment.course.api.SafetyAlertRaisedEvent;
import org.carecourse.treatment.course.api.SafetyAlertResolvedEvent;
import org.carecourse.treatment.course.api.SessionAbortedEvent;
import org.carecourse.treatment.course.api.SessionCompletedEvent;
import org.carecourse.treatment.course.api.SpravatoSessionCommand;
import org.carecourse.treatment.course.api.SpravatoSessionStartedEvent;
import org.carecourse.treatment.course.api.StartInfusionSessionCommand;
import org.carecourse.treatment.course.api.StartSpravatoSessionCommand;
import org.carecourse.treatment.course.api.TransferCourseCommand;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * A patient's treatment course: one event stream across every clinic it passes through, holding
 * its own clinical events and, with provenance, the facts other services report about it.
 */
@Aggregate(snapshotTriggerDefinition = "courseSnapshotTrigger", snapshotFilter = "courseSnapshotFilter", cache = "courseCache")
// Snapshots of another revision of this class are ignored: the course is rebuilt from its events instead.
@Revision("6")
// Snapshots are serialized field by field (the course has no getters and should not grow them).
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class TreatmentCourse {

    @AggregateIdentifier
    private UUID courseId;
    private UUID patientId;
    private UUID clinicId;
    private Modality modality;
    private Indication indication;
    private Phase phase;
    private TreatmentProtocol protocol;
    private CoursePlan plan;
    /** Baseline totals by instrument code. */
    private Map<String, Integer> baseline = new HashMap<>();
    private UUID eligibilityDecision;
    private LocalDate eligibleUntil;
    private Instant latestDecisionAt;
    private String holdReason;
    private String remsEnrolmentId;
    /** Open safety alerts and where each came from ({@code treatment} or {@code screening}). */
    private Map<UUID, String> openAlerts = new LinkedHashMap<>();
    private Set<UUID> recordedSourceEvents = new HashSet<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, InfusionSession> infusions = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, SpravatoSession> spravatoSessions = new HashMap<>();
    private UUID activeSession;
    private Instant lastInfusionStart;
    private Instant seriesStartedAt;
    private int seriesInfusionsCompleted;
    private int treatmentsCompleted;
    private boolean respondedBefore;
    private List<Instant> spravatoDoses = new ArrayList<>();

    TreatmentCourse() {
        // for Axon
    }

    @CommandHandler
    TreatmentCourse(OpenCourseCommand command) {
        EligibilityRef eligibility = command.eligibility();
        if (!"eligible".equals(eligibility.outcome())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "eligibility-required",
                    "the eligibility decision is " + eligibility.outcome() + ", not eligible");
        }
        if (!eligibility.modality().equals(command.modality().code())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "eligibility-modality",
                    "the patient was found eligible for " + eligibility.modality() + ", not " + command.modality().code());
        }
        if (command.modality() == Modality.SPRAVATO && command.indication() != Indication.DEPRESSION) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "spravato-indication",
                    "Spravato is given for treatment-resistant depression, not " + command.indication().code());
        }
        requireEligibleOn(eligibility.validUntil(), command.openedAt(), command.clinicZone());
        Instrument target = command.indication().targetInstrument();
        if (command.baseline().stream().noneMatch(score -> score.instrument() == target)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "baseline-required", "a " + command.indication().code()
                    + " course is judged on the " + target.code() + ", and screening scored none for this decision");
        }
        apply(new CourseOpenedEvent(command.courseId(), command.patientId(), command.clinicId(), command.modality(),
                command.indication(), eligibility, command.plan(), command.protocol(), command.treatmentProtocolVersion(),
                command.baseline(), command.openedAt()));
    }

    @CommandHandler
    void handle(RecordExternalFactCommand command) {
        if (recordedSourceEvents.contains(command.sourceEventId())) {
            return; // the same fact delivered again adds nothing
        }
        apply(new ExternalFactRecordedEvent(courseId, patientId, command.sourceService(), command.sourceEventId(),
                command.factType(), command.facts(), command.occurredAt()));
    }

    /**
     * Screening's word on the patient enters the course with its provenance and acts on it: a newer
     * eligible decision renews the course (and lifts a hold), any other newer decision holds it; a
     * safety alert holds it until followed up. A decision older than one already acted on is
     * recorded but changes nothing (dead letters are replayed late).
     */
    @CommandHandler
    void handle(RecordScreeningFactCommand command) {
        if (recordedSourceEvents.contains(command.sourceEventId())) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        EligibilityRef decision = command.eligibility();
        RecordScreeningFactCommand.ScreeningAlert alert = command.alert();
        if (decision != null) {
            facts.put("outcome", decision.outcome());
            facts.put("modality", decision.modality());
            facts.put("validUntil", decision.validUntil().toString());
        } else {
            facts.put("alertId", alert.alertId().toString());
            facts.put(alert.disposition() == null ? "trigger" : "disposition", alert.disposition() == null ? alert.trigger()
                    : alert.disposition());
        }
        apply(new ExternalFactRecordedEvent(courseId, patientId, "screening", command.sourceEventId(), command.eventType(), facts,
                command.occurredAt()));
        if (decision != null) {
            actOn(decision, command.occurredAt());
        } else if (alert.disposition() == null && !openAlerts.containsKey(alert.alertId())) {
            apply(new SafetyAlertRaisedEvent(courseId, patientId, alert.alertId(), clinicId, alert.trigger(), "screening",
                    command.sourceEventId(), command.occurredAt()));
        } else if (alert.disposition() != null && openAlerts.containsKey(alert.alertId())) {
            apply(new SafetyAlertResolvedEvent(courseId, patientId, alert.alertId(), clinicId, "screening", alert.disposition(), null,
                    null, command.occurredAt()));
        }
    }

    private void actOn(EligibilityRef decision, Instant decidedAt) {
        boolean stale = decision.decisionId().equals(eligibilityDecision)
                || (latestDecisionAt != null && decidedAt.isBefore(latestDecisionAt));
        if (stale || !phase.open()) {
            return;
        }
        if ("eligible".equals(decision.outcome()) && decision.modality().equals(modality.code())) {
            apply(new EligibilityRenewedEvent(courseId, patientId, decision, decidedAt));
            if (holdReason != null) {
                apply(new CourseHoldLiftedEvent(courseId, patientId, clinicId, "a newer eligible decision", null,
                        decision.decisionId(), decidedAt));
            }
        } else {
            String reason = "eligible".equals(decision.outcome()) ? "eligibility-for-" + decision.modality()
                    : "eligibility-" + decision.outcome();
            apply(new CourseHeldEvent(courseId, patientId, clinicId, reason, decision.decisionId(), decidedAt));
        }
    }

    /**
     * The patient's Spravato REMS enrolment, which must precede the first dose; recording the same
     * enrolment again changes nothing, another one is refused (a correction is an amendment's job).
     */
    @CommandHandler
    void handle(RecordRemsEnrolmentCommand command) {
        requireOpen();
        requireModality(Modality.SPRAVATO);
        if (command.enrolledOn().isAfter(command.at().atZone(command.clinicZone()).toLocalDate())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "enrolment-in-the-future", "an enrolment is recorded once it is made");
        }
        if (remsEnrolmentId != null) {
            if (!remsEnrolmentId.equals(command.enrolmentId())) {
                throw new BusinessRuleViolation(Kind.CONFLICT, "rems-enrolment-recorded", "the course already records REMS enrolment "
                        + remsEnrolmentId);
            }
            return;
        }
        apply(new RemsPatientEnrolledEvent(courseId, patientId, clinicId, command.enrolmentId(), command.enrolledOn(), command.by(),
                command.at()));
    }

    @EventSourcingHandler
    void on(RemsPatientEnrolledEvent event) {
        remsEnrolmentId = event.enrolmentId();
    }

    /** A prescriber continues a course held by a newer decision, and says why (an override of that decision). */
    @CommandHandler
    void handle(LiftCourseHoldCommand command) {
        requireOpen();
        if (holdReason == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "not-held", "the course is not held");
        }
        if (blank(command.reason())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "hold-decision-needs-reason", "say why the course continues");
        }
        apply(new CourseHoldLiftedEvent(courseId, patientId, clinicId, command.reason().strip(), command.by(), null, command.at()));
    }

    /** The prescriber documents the follow-up of an alert the course raised; screening's alerts clear from screening. */
    @CommandHandler
    void handle(ResolveSafetyAlertCommand command) {
        String source = openAlerts.get(command.alertId());
        if (source == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "no-open-alert", "alert " + command.alertId() + " is not open on this course");
        }
        if (!"treatment".equals(source)) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "resolve-in-screening",
                    "document the follow-up on the screening case; it clears here when it arrives");
        }
        if (blank(command.safetyPlan())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "safety-plan-required", "document the safety plan");
        }
        apply(new SafetyAlertResolvedEvent(courseId, patientId, command.alertId(), clinicId, "treatment",
                command.disposition().code(), command.safetyPlan().strip(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(TransferCourseCommand command) {
        requireOpen();
        if (command.toClinicId().equals(clinicId)) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "same-clinic", "the course is already at clinic " + clinicId);
        }
        if (activeSession != null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "session-in-progress", "finish the session in progress before a transfer");
        }
        apply(new CourseTransferredEvent(courseId, patientId, clinicId, command.toClinicId(), command.reason(), command.at()));
    }

    /**
     * Induction → maintenance (before the series is complete only with a reason), maintenance →
     * re-induction after a relapse (with a reason), re-induction → maintenance.
     */
    @CommandHandler
    void handle(ChangePhaseCommand command) {
        requireOpen();
        Phase to = command.to();
        boolean allowed = (phase.series() && to == Phase.MAINTENANCE) || (phase == Phase.MAINTENANCE && to == Phase.RE_INDUCTION);
        if (!allowed) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "phase-order", "a course moves from " + phase.code()
                    + (phase.series() ? " to maintenance" : phase == Phase.MAINTENANCE ? " to re-induction" : " nowhere") + " only");
        }
        if (to == Phase.RE_INDUCTION && blank(command.reason())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "re-induction-needs-reason", "say why (e.g. the relapse) the series restarts");
        }
        if (phase.series() && seriesInfusionsCompleted < plan.inductionCount() && modality == Modality.IV_KETAMINE
                && blank(command.reason())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-incomplete", seriesInfusionsCompleted + " of "
                    + plan.inductionCount() + " infusions of the series are given: say why maintenance starts now");
        }
        apply(new PhaseChangedEvent(courseId, patientId, phase, to, SessionRules.stripped(command.reason()), command.at()));
    }

    @CommandHandler
    void handle(CloseCourseCommand command) {
        requireOpen();
        if (activeSession != null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "session-in-progress", "finish or abort session " + activeSession + " first");
        }
        if (command.outcome() != Phase.COMPLETED && command.outcome() != Phase.DISCONTINUED) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "close-outcome", "a course closes as completed or discontinued");
        }
        if (command.outcome() == Phase.DISCONTINUED && blank(command.reason())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "discontinuation-needs-reason", "say why the course is discontinued");
        }
        apply(new PhaseChangedEvent(courseId, patientId, phase, command.outcome(), command.reason(), command.at()));
        apply(new CourseClosedEvent(courseId, patientId, clinicId, command.outcome(), command.reason(), command.at()));
    }

    @CommandHandler
    Dose handle(StartInfusionSessionCommand command) {
        requireOpen();
        requireModality(Modality.IV_KETAMINE);
        requireHere(command.clinicId());
        requireNoSessionInProgress();
        requireNotHeld();
        Instant startedAt = command.startedAt();
        requireEligibleOn(eligibleUntil, startedAt, command.clinicZone());
        Overrides overrides = new Overrides(command.overrideReasons(), command.by(), startedAt);
        int spacingHours = Math.max(plan.minimumSpacingHours(), protocol.minimumSpacingHours());
        if (lastInfusionStart != null && Duration.between(lastInfusionStart, startedAt).compareTo(Duration.ofHours(spacingHours)) < 0) {
            overrides.setAsideOr(OverrideRule.MINIMUM_SPACING, () -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "minimum-spacing",
                    "infusions must be at least " + spacingHours + " h apart, unless a prescriber records why not"));
        }
        requireWithinSeries(startedAt, overrides);
        if (!command.fastingConfirmed()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "fasting-required", "fasting must be confirmed before an infusion");
        }
        if (!command.escortConfirmed()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "escort-required", "an escort or driver must be confirmed");
        }
        if (command.weightMeasuredAt().isAfter(startedAt)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "weight-measured-at", "the weight cannot be measured after the start");
        }
        if (command.weightMeasuredAt().isBefore(startedAt.minus(Duration.ofDays(protocol.weightValidDays())))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "weight-outdated",
                    "weight must be measured within " + protocol.weightValidDays() + " days");
        }
        requirePreStart(command.vitals(), startedAt);
        List<String> violations = command.vitals().startViolations(protocol);
        if (!violations.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "vitals-above-start-thresholds", String.join("; ", violations));
        }
        Dose dose = Dosing.calculate(command.mgPerKg(), command.weightKg(), protocol);
        if (dose.aboveCap()) {
            overrides.setAsideOr(OverrideRule.DOSE_CAP, () -> new BusinessRuleViolation(Kind.UNPROCESSABLE,
                    "dose-cap-override-needs-reason", dose.mg() + " mg is above the " + protocol.doseCapMg()
                            + " mg cap: a prescriber override with a reason is needed"));
        }
        apply(new InfusionSessionStartedEvent(courseId, patientId, command.sessionId(), clinicId, command.vitals(),
                command.weightKg(), command.weightMeasuredAt(), dose.mgPerKg(), dose.mg(), overrides.taken(), startedAt));
        return dose;
    }

    /** During (re-)induction: no more infusions than the plan's count, none after its window, unless overridden. */
    private void requireWithinSeries(Instant startedAt, Overrides overrides) {
        if (!phase.series()) {
            return;
        }
        if (seriesInfusionsCompleted >= plan.inductionCount()) {
            overrides.setAsideOr(OverrideRule.SERIES_COUNT, () -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-count",
                    "the series' " + plan.inductionCount() + " infusions are given: move to maintenance, or a prescriber records"
                            + " why one more"));
        }
        if (seriesStartedAt != null && startedAt.isAfter(seriesStartedAt.plus(Duration.ofDays(plan.inductionWindowDays())))) {
            overrides.setAsideOr(OverrideRule.SERIES_WINDOW, () -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-window",
                    "the series' " + plan.inductionWindowDays() + "-day window began " + seriesStartedAt
                            + ": a prescriber records why it runs on"));
        }
    }

    @CommandHandler
    void handle(StartSpravatoSessionCommand command) {
        requireOpen();
        requireModality(Modality.SPRAVATO);
        requireHere(command.clinicId());
        SpravatoLabel.requireLabelDose(command.doseMg());
        if (remsEnrolmentId == null) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "rems-enrolment-required", "the patient is enrolled in the Spravato"
                    + " REMS before the first dose");
        }
        SpravatoLabel.requireFirstDose(command.doseMg(), spravatoDoses.isEmpty());
        SpravatoLabel.requireSchedule(spravatoDoses, command.dosedAt());
        requireNoSessionInProgress();
        requireNotHeld();
        requireEligibleOn(eligibleUntil, command.dosedAt(), command.clinicZone());
        Vitals bp = command.preDoseVitals();
        requirePreStart(bp, command.dosedAt());
        Overrides overrides = new Overrides(command.overrideReasons(), command.by(), command.dosedAt());
        if (bp.systolic() > protocol.spravatoDelaySystolic() || bp.diastolic() > protocol.spravatoDelayDiastolic()) {
            overrides.setAsideOr(OverrideRule.SPRAVATO_BP_DELAY, () -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "spravato-bp-delay",
                    "pre-dose BP " + bp.systolic() + "/" + bp.diastolic() + " is above " + protocol.spravatoDelaySystolic() + "/"
                            + protocol.spravatoDelayDiastolic() + ": delay the dose, or a prescriber records why to proceed"));
        }
        apply(new SpravatoSessionStartedEvent(courseId, patientId, command.sessionId(), clinicId, command.doseMg(), bp,
                overrides.taken(), command.dosedAt()));
        apply(new RemsFormDueEvent(courseId, patientId, command.sessionId(), clinicId,
                command.dosedAt().plus(Duration.ofDays(protocol.remsFormDueDays()))));
    }

    /**
     * Steps of a session go to the session they name, if it is of the kind the step is for: an
     * infusion's steps (stop, Schedule III record, post-infusion observation) never apply to a
     * Spravato session, nor the Spravato discharge to an infusion, which would skip all three.
     */
    @CommandHandlerInterceptor
    void toAnInfusion(InfusionSessionCommand command) {
        if (!infusions.containsKey(command.sessionId())) {
            throw spravatoSessions.containsKey(command.sessionId())
                    ? new BusinessRuleViolation(Kind.CONFLICT, "not-an-infusion-session", "session " + command.sessionId()
                            + " is a Spravato session")
                    : noSuchSession(command.sessionId());
        }
    }

    @CommandHandlerInterceptor
    void toASpravatoSession(SpravatoSessionCommand command) {
        if (!spravatoSessions.containsKey(command.sessionId())) {
            throw infusions.containsKey(command.sessionId())
                    ? new BusinessRuleViolation(Kind.CONFLICT, "not-a-spravato-session", "session " + command.sessionId()
                            + " is an IV infusion session")
                    : noSuchSession(command.sessionId());
        }
    }

    /**
     * Either kind of session, during it or up to the protocol's number of days after it ended:
     * reactions are often noticed at home. Serious or severe events are flagged for follow-up.
     */
    @CommandHandler
    void handle(ReportAdverseEventCommand command) {
        CourseSession session = sessionOf(command.sessionId());
        if (command.onsetAt().isBefore(session.began()) || command.onsetAt().isAfter(command.reportedAt())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "onset-outside-session",
                    "onset must be after the session began (" + session.began() + ") and not in the future");
        }
        Duration window = Duration.ofDays(protocol.adverseEventReportingDays());
        if (session.ended() != null && command.reportedAt().isAfter(session.ended().plus(window))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "adverse-event-reporting-window", "adverse events of a session are "
                    + "reported within " + window.toDays() + " days after it ended (" + session.ended() + ")");
        }
        apply(new AdverseEventReportedEvent(courseId, patientId, command.sessionId(), session.clinicId(), command.type().strip(),
                command.severity(), null, command.serious(), command.serious() || command.severity().needsFollowUp(),
                command.action().strip(), command.onsetAt(), command.reportedAt()));
    }

    /**
     * Corrects what a session's event charted (weight, a reading, the stop time, the Schedule III
     * record) with a reason; the correction cites the original, which stays in the history.
     */
    @CommandHandler
    void handle(AmendEntryCommand command) {
        CourseSession session = sessionOf(command.sessionId());
        if (blank(command.reason())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "amendment-needs-reason", "say why the entry is corrected");
        }
        Set<String> charted = session.chartedBy(command.amends());
        if (charted.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "not-a-charted-entry", "event " + command.amends()
                    + " charted nothing of session " + command.sessionId() + " that can be amended");
        }
        if (!charted.contains(command.corrected().entry())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "amendment-entry", "event " + command.amends() + " charted "
                    + String.join(" and ", new TreeSet<>(charted)) + ", not " + command.corrected().entry());
        }
        session.requirePlausible(command.corrected(), command.at());
        apply(new EntryAmendedEvent(courseId, patientId, command.sessionId(), session.clinicId(), command.amends(),
                command.corrected(), command.reason().strip(), command.by(), command.at()));
    }

    private CourseSession sessionOf(UUID sessionId) {
        CourseSession session = infusions.containsKey(sessionId) ? infusions.get(sessionId) : spravatoSessions.get(sessionId);
        if (session == null) {
            throw noSuchSession(sessionId);
        }
        return session;
    }

    /**
     * An instrument submission, scored by the rules screening uses, judged against the course's
     * baseline for that instrument. A PHQ-9 with item 9 above 0 raises a safety alert at once, as at
     * screening: the highest-risk period is during treatment.
     */
    @CommandHandler
    OutcomeRecordedEvent handle(RecordOutcomeCommand command) {
        requireOpen();
        OutcomeCriteria criteria = protocol.outcomeCriteria(command.instrument())
                .orElseThrow(() -> new InvalidFieldException("instrument", command.instrument().code() + " is not an outcome measure"));
        InstrumentScore score = InstrumentScoring.score(new InstrumentAnswers(command.instrument(), command.items(), null),
                protocol.pcl5Outcome().remissionBelow());
        boolean target = command.instrument() == indication.targetInstrument();
        OutcomeAssessment assessment = OutcomeAssessment.of(baseline.get(command.instrument().code()), score.total(), criteria,
                target, treatmentsCompleted, respondedBefore, protocol.futilityAfterInfusions());
        OutcomeRecordedEvent event = new OutcomeRecordedEvent(courseId, patientId, command.submissionId(), command.sessionId(),
                clinicId, command.instrument().code(), command.items(), score.total(), score.band(), assessment.baseline(),
                assessment.percentChange(), assessment.response(), assessment.remission(), assessment.futility(), target,
                command.at());
        apply(event);
        if (score.safetyConcern()) {
            apply(new SafetyAlertRaisedEvent(courseId, patientId, alertIdFor(command.submissionId()), clinicId, "phq-9-item-9",
                    "treatment", null, command.at()));
        }
        return event;
    }

    /** One alert per submission, its id derived from the submission's so a replayed command names the same alert. */
    static UUID alertIdFor(UUID submissionId) {
        return UUID.nameUUIDFromBytes(("safety-alert:" + submissionId).getBytes(StandardCharsets.UTF_8));
    }

    /** Vitals that clear a start: taken before it, and recently enough by the protocol. */
    private void requirePreStart(Vitals vitals, Instant start) {
        SessionRules.requireTakenBetween(vitals, start.minus(Duration.ofMinutes(protocol.preStartVitalsMaxAgeMinutes())), start,
                "pre-start vitals");
    }

    private void requireNoSessionInProgress() {
        if (activeSession != null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "session-in-progress", "session " + activeSession + " is still in progress");
        }
    }

    private static BusinessRuleViolation noSuchSession(UUID sessionId) {
        return new BusinessRuleViolation(Kind.CONFLICT, "no-such-session", "session " + sessionId + " is not a session of this course");
    }

    private void requireNotHeld() {
        if (holdReason == null && openAlerts.isEmpty()) {
            return;
        }
        List<String> why = new ArrayList<>();
        if (holdReason != null) {
            why.add("the course is held (" + holdReason + ") until a prescriber decides");
        }
        if (!openAlerts.isEmpty()) {
            why.add("safety alert(s) " + openAlerts.keySet() + " are open until their follow-up is documented");
        }
        throw new BusinessRuleViolation(Kind.CONFLICT, "course-on-hold", "no session starts: " + String.join("; ", why));
    }

    /**
     * Eligibility runs through its last valid day in the zone of the clinic treating the patient:
     * at 23:59 there it still holds, at 00:00 the next day it has expired.
     */
    private static void requireEligibleOn(LocalDate validUntil, Instant at, ZoneId clinicZone) {
        LocalDate clinicDay = at.atZone(clinicZone).toLocalDate();
        if (clinicDay.isAfter(validUntil)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "eligibility-expired", "the eligibility decision expired at the end of "
                    + validUntil + " (" + clinicZone + "); screening must decide again");
        }
    }

    private void requireOpen() {
        if (!phase.open()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "course-closed", "the course is " + phase.code());
        }
    }

    private void requireModality(Modality expected) {
        if (modality != expected) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "modality", "this is a " + modality.code() + " course");
        }
    }

    private void requireHere(UUID sessionClinic) {
        if (!clinicId.equals(sessionClinic)) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "transfer-first",
                    "the course is at clinic " + clinicId + "; transfer it before treating at " + sessionClinic);
        }
    }

    private static boolean blank(String text) {
        return SessionRules.blank(text);
    }

    @EventSourcingHandler
    void on(CourseOpenedEvent event) {
        courseId = event.courseId();
        patientId = event.patientId();
        clinicId = event.clinicId();
        modality = event.modality();
        indication = event.indication();
        phase = Phase.INDUCTION;
        protocol = event.protocol();
        plan = event.plan();
        event.baseline().forEach(score -> baseline.put(score.instrument().code(), score.total()));
        eligibilityDecision = event.eligibility().decisionId();
        eligibleUntil = event.eligibility().validUntil();
    }

    @EventSourcingHandler
    void on(ExternalFactRecordedEvent event) {
        recordedSourceEvents.add(event.sourceEventId());
    }

    @EventSourcingHandler
    void on(EligibilityRenewedEvent event) {
        eligibilityDecision = event.eligibility().decisionId();
        eligibleUntil = event.eligibility().validUntil();
        latestDecisionAt = event.at();
    }

    @EventSourcingHandler
    void on(CourseHeldEvent event) {
        holdReason = event.reason();
        eligibilityDecision = event.decisionId();
        latestDecisionAt = event.at();
    }

    @EventSourcingHandler
    void on(CourseHoldLiftedEvent event) {
        holdReason = null;
    }

    @EventSourcingHandler
    void on(SafetyAlertRaisedEvent event) {
        openAlerts.put(event.alertId(), event.source());
    }

    @EventSourcingHandler
    void on(SafetyAlertResolvedEvent event) {
        openAlerts.remove(event.alertId());
    }

    @EventSourcingHandler
    void on(CourseTransferredEvent event) {
        clinicId = event.toClinicId();
    }

    @EventSourcingHandler
    void on(PhaseChangedEvent event) {
        phase = event.to();
        if (phase.series()) {
            seriesStartedAt = null;
            seriesInfusionsCompleted = 0;
        }
    }

    @EventSourcingHandler
    void on(InfusionSessionStartedEvent event, @SequenceNumber long sequence) {
        infusions.put(event.sessionId(), new InfusionSession(event, sequence, protocol));
        activeSession = event.sessionId();
        lastInfusionStart = event.startedAt();
        if (phase.series() && seriesStartedAt == null) {
            seriesStartedAt = event.startedAt();
        }
    }

    @EventSourcingHandler
    void on(SpravatoSessionStartedEvent event) {
        spravatoSessions.put(event.sessionId(), new SpravatoSession(event, protocol));
        activeSession = event.sessionId();
        spravatoDoses.add(event.dosedAt());
    }

    /** Completed sessions of either kind are the treatments futility is judged after; infusions fill the series. */
    @EventSourcingHandler
    void on(SessionCompletedEvent event) {
        activeSession = null;
        treatmentsCompleted++;
        if (phase.series() && infusions.containsKey(event.sessionId())) {
            seriesInfusionsCompleted++;
        }
    }

    @EventSourcingHandler
    void on(SessionAbortedEvent event) {
        activeSession = null;
    }

    @EventSourcingHandler
    void on(OutcomeRecordedEvent event) {
        respondedBefore |= event.target() && Boolean.TRUE.equals(event.response());
    }
}
