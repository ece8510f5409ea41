package org.carecourse.treatment.course.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.carecourse.treatment.clinical.OutcomeAssessment;
import org.carecourse.treatment.clinical.OutcomeCriteria;
import org.carecourse.treatment.clinical.SpravatoLabel;
import org.carecourse.treatment.clinical.TreatmentProtocol;
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
@Revision("7")
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
    private EligibilityGate eligibility;
    private SafetyAlerts alerts = new SafetyAlerts();
    private InductionSeries series = new InductionSeries();
    private RemsEnrolment rems = new RemsEnrolment();
    private OutcomeTracker outcomes;
    private Set<UUID> recordedSourceEvents = new HashSet<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, InfusionSession> infusions = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, SpravatoSession> spravatoSessions = new HashMap<>();
    private UUID activeSession;
    private Instant lastInfusionStart;
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
        EligibilityGate.requireEligibleOn(eligibility.validUntil(), command.openedAt(), command.clinicZone());
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
        EligibilityRef decision = command.eligibility();
        RecordScreeningFactCommand.ScreeningAlert alert = command.alert();
        apply(new ExternalFactRecordedEvent(courseId, patientId, "screening", command.sourceEventId(), command.eventType(),
                command.facts(), command.occurredAt()));
        if (decision != null) {
            actOn(decision, command.occurredAt());
        } else if (alert.disposition() == null && !alerts.isOpen(alert.alertId())) {
            apply(new SafetyAlertRaisedEvent(courseId, patientId, alert.alertId(), clinicId, alert.trigger(),
                    SafetyAlerts.RAISED_BY_SCREENING, command.sourceEventId(), command.occurredAt()));
        } else if (alert.disposition() != null && alerts.isOpen(alert.alertId())) {
            apply(new SafetyAlertResolvedEvent(courseId, patientId, alert.alertId(), clinicId, SafetyAlerts.RAISED_BY_SCREENING,
                    alert.disposition(), null, null, command.occurredAt()));
        }
    }

    private void actOn(EligibilityRef decision, Instant decidedAt) {
        if (!eligibility.isNewer(decision, decidedAt) || !phase.open()) {
            return;
        }
        if ("eligible".equals(decision.outcome()) && decision.modality().equals(modality.code())) {
            apply(new EligibilityRenewedEvent(courseId, patientId, decision, decidedAt));
            if (eligibility.isHeld()) {
                apply(new CourseHoldLiftedEvent(courseId, patientId, clinicId, "a newer eligible decision", null,
                        decision.decisionId(), decidedAt));
            }
        } else {
            String reason = "eligible".equals(decision.outcome()) ? "eligibility-for-" + decision.modality()
                    : "eligibility-" + decision.outcome();
            apply(new CourseHeldEvent(courseId, patientId, clinicId, reason, decision.decisionId(), decidedAt));
        }
    }

    /** The patient's Spravato REMS enrolment, which must precede the first dose ({@link RemsEnrolment}). */
    @CommandHandler
    void handle(RecordRemsEnrolmentCommand command) {
        requireOpen();
        requireModality(Modality.SPRAVATO);
        if (rems.alreadyRecorded(command.enrolmentId(), command.enrolledOn(), command.at(), command.clinicZone())) {
            return;
        }
        apply(new RemsPatientEnrolledEvent(courseId, patientId, clinicId, command.enrolmentId(), command.enrolledOn(), command.by(),
                command.at()));
    }

    @EventSourcingHandler
    void on(RemsPatientEnrolledEvent event) {
        rems.enrolled(event.enrolmentId());
    }

    /** A prescriber continues a course held by a newer decision, and says why (an override of that decision). */
    @CommandHandler
    void handle(LiftCourseHoldCommand command) {
        requireOpen();
        if (!eligibility.isHeld()) {
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
        alerts.requireResolvableHere(command.alertId(), command.safetyPlan());
        apply(new SafetyAlertResolvedEvent(courseId, patientId, command.alertId(), clinicId, SafetyAlerts.RAISED_BY_TREATMENT,
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
        if (phase.series() && modality == Modality.IV_KETAMINE) {
            series.requireCompleteOrExplained(plan, command.reason());
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
        eligibility.requireEligibleOn(startedAt, command.clinicZone());
        Overrides overrides = new Overrides(command.overrideReasons(), command.by(), command.byPrescriber(), startedAt);
        InfusionStart.requireSpacing(lastInfusionStart, startedAt, plan, protocol, overrides);
        if (phase.series()) {
            series.requireRoomFor(startedAt, plan, overrides);
        }
        Dose dose = InfusionStart.requireReadyAndDose(command, protocol, overrides);
        apply(new InfusionSessionStartedEvent(courseId, patientId, command.sessionId(), clinicId, command.vitals(),
                command.weightKg(), command.weightMeasuredAt(), dose.mgPerKg(), dose.mg(), overrides.taken(), startedAt));
        return dose;
    }

    @CommandHandler
    void handle(StartSpravatoSessionCommand command) {
        requireOpen();
        requireModality(Modality.SPRAVATO);
        requireHere(command.clinicId());
        SpravatoLabel.requireLabelDose(command.doseMg());
        rems.requireBeforeFirstDose();
        SpravatoLabel.requireFirstDose(command.doseMg(), spravatoDoses.isEmpty());
        SpravatoLabel.requireSchedule(spravatoDoses, command.dosedAt());
        requireNoSessionInProgress();
        requireNotHeld();
        eligibility.requireEligibleOn(command.dosedAt(), command.clinicZone());
        Overrides overrides = new Overrides(command.overrideReasons(), command.by(), command.byPrescriber(), command.dosedAt());
        SpravatoStart.requirePreDoseBloodPressure(command.preDoseVitals(), command.dosedAt(), protocol, overrides);
        apply(new SpravatoSessionStartedEvent(courseId, patientId, command.sessionId(), clinicId, command.doseMg(), command.preDoseVitals(),
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
        session.requireReportable(command.onsetAt(), command.reportedAt());
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
        session.requireAmendable(command.amends(), command.corrected(), command.reason(), command.at());
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
        OutcomeAssessment assessment = outcomes.assess(command.instrument(), score.total(), criteria, target,
                protocol.futilityAfterInfusions());
        OutcomeRecordedEvent event = new OutcomeRecordedEvent(courseId, patientId, command.submissionId(), command.sessionId(),
                clinicId, command.instrument().code(), command.items(), score.total(), score.band(), assessment.baseline(),
                assessment.percentChange(), assessment.response(), assessment.remission(), assessment.futility(), target,
                command.at());
        apply(event);
        if (score.safetyConcern()) {
            apply(new SafetyAlertRaisedEvent(courseId, patientId, alertIdFor(command.submissionId()), clinicId, "phq-9-item-9",
                    SafetyAlerts.RAISED_BY_TREATMENT, null, command.at()));
        }
        return event;
    }

    /** One alert per submission, its id derived from the submission's so a replayed command names the same alert. */
    static UUID alertIdFor(UUID submissionId) {
        return UUID.nameUUIDFromBytes(("safety-alert:" + submissionId).getBytes(StandardCharsets.UTF_8));
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
        if (!eligibility.isHeld() && !alerts.anyOpen()) {
            return;
        }
        List<String> why = new ArrayList<>();
        if (eligibility.isHeld()) {
            why.add("the course is held (" + eligibility.holdReason() + ") until a prescriber decides");
        }
        if (alerts.anyOpen()) {
            why.add("safety alert(s) " + alerts.openIds() + " are open until their follow-up is documented");
        }
        throw new BusinessRuleViolation(Kind.CONFLICT, "course-on-hold", "no session starts: " + String.join("; ", why));
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
        outcomes = new OutcomeTracker(event.baseline());
        eligibility = new EligibilityGate(event.eligibility());
    }

    @EventSourcingHandler
    void on(ExternalFactRecordedEvent event) {
        recordedSourceEvents.add(event.sourceEventId());
    }

    @EventSourcingHandler
    void on(EligibilityRenewedEvent event) {
        eligibility.renew(event.eligibility(), event.at());
    }

    @EventSourcingHandler
    void on(CourseHeldEvent event) {
        eligibility.hold(event.reason(), event.decisionId(), event.at());
    }

    @EventSourcingHandler
    void on(CourseHoldLiftedEvent event) {
        eligibility.lift();
    }

    @EventSourcingHandler
    void on(SafetyAlertRaisedEvent event) {
        alerts.raised(event.alertId(), event.source());
    }

    @EventSourcingHandler
    void on(SafetyAlertResolvedEvent event) {
        alerts.resolved(event.alertId());
    }

    @EventSourcingHandler
    void on(CourseTransferredEvent event) {
        clinicId = event.toClinicId();
    }

    @EventSourcingHandler
    void on(PhaseChangedEvent event) {
        phase = event.to();
        if (phase.series()) {
            series.restart();
        }
    }

    @EventSourcingHandler
    void on(InfusionSessionStartedEvent event, @SequenceNumber long sequence) {
        infusions.put(event.sessionId(), new InfusionSession(event, sequence, protocol));
        activeSession = event.sessionId();
        lastInfusionStart = event.startedAt();
        if (phase.series()) {
            series.infusionStarted(event.startedAt());
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
        outcomes.treatmentCompleted();
        if (phase.series() && infusions.containsKey(event.sessionId())) {
            series.infusionCompleted();
        }
    }

    @EventSourcingHandler
    void on(SessionAbortedEvent event) {
        activeSession = null;
    }

    @EventSourcingHandler
    void on(OutcomeRecordedEvent event) {
        outcomes.recorded(event.target(), event.response());
    }
}
