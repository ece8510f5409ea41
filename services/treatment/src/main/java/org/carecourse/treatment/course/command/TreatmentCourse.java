package org.carecourse.treatment.course.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.instruments.Modality;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.clinical.Dose;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.ChangePhaseCommand;
import org.carecourse.treatment.course.api.CloseCourseCommand;
import org.carecourse.treatment.course.api.CourseClosedEvent;
import org.carecourse.treatment.course.api.CourseHoldLiftedEvent;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.CourseTransferredEvent;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.carecourse.treatment.course.api.ExternalFactRecordedEvent;
import org.carecourse.treatment.course.api.Indication;
import org.carecourse.treatment.course.api.InfusionSessionCommand;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.LiftCourseHoldCommand;
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
import org.carecourse.treatment.course.api.ResolveSafetyAlertCommand;
import org.carecourse.treatment.course.api.SafetyAlertResolvedEvent;
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
@Revision("9")
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
    private Set<UUID> recordedSourceEvents = new HashSet<>();
    // The members below evolve from the events they care about (Axon forwards each event to them).
    @AggregateMember
    private EligibilityGate eligibility;
    @AggregateMember
    private SafetyAlerts alerts = new SafetyAlerts();
    @AggregateMember
    private InductionSeries series = new InductionSeries();
    @AggregateMember
    private RemsEnrolment rems = new RemsEnrolment();
    @AggregateMember
    private OutcomeTracker outcomes;
    @AggregateMember
    private CourseSessions sessions;

    TreatmentCourse() {
        // for Axon
    }

    @CommandHandler
    TreatmentCourse(OpenCourseCommand command) {
        CourseOpening.require(command);
        EligibilityRef eligibility = command.eligibility();
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

    /** Screening's word on the patient enters the course with its provenance and acts on it ({@link ScreeningFacts}). */
    @CommandHandler
    void handle(RecordScreeningFactCommand command) {
        if (!recordedSourceEvents.contains(command.sourceEventId())) {
            ScreeningFacts.decide(command, ref(), modality, phase.open(), eligibility, alerts).forEach(AggregateLifecycle::apply);
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

    /** A prescriber continues a course held by a newer decision, and says why (an override of that decision). */
    @CommandHandler
    void handle(LiftCourseHoldCommand command) {
        requireOpen();
        eligibility.requireLiftable(command.reason());
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
        sessions.requireNoneInProgress();
        apply(new CourseTransferredEvent(courseId, patientId, clinicId, command.toClinicId(), command.reason(), command.at()));
    }

    /**
     * Induction → maintenance (before the series is complete only with a reason), maintenance →
     * re-induction after a relapse (with a reason), re-induction → maintenance.
     */
    @CommandHandler
    void handle(ChangePhaseCommand command) {
        requireOpen();
        CourseLifecycle.requireChange(phase, command.to(), command.reason());
        if (phase.series() && modality == Modality.IV_KETAMINE) {
            series.requireCompleteOrExplained(plan, command.reason());
        }
        apply(new PhaseChangedEvent(courseId, patientId, phase, command.to(), SessionRules.stripped(command.reason()), command.at()));
    }

    @CommandHandler
    void handle(CloseCourseCommand command) {
        requireOpen();
        sessions.requireNoneInProgress();
        CourseLifecycle.requireClosing(command.outcome(), command.reason());
        apply(new PhaseChangedEvent(courseId, patientId, phase, command.outcome(), command.reason(), command.at()));
        apply(new CourseClosedEvent(courseId, patientId, clinicId, command.outcome(), command.reason(), command.at()));
    }

    @CommandHandler
    Dose handle(StartInfusionSessionCommand command) {
        Instant startedAt = command.startedAt();
        requireSessionMayStart(Modality.IV_KETAMINE, command.clinicId(), startedAt, command.clinicZone());
        Overrides overrides = new Overrides(command.overrideReasons(), command.by(), command.byPrescriber(), startedAt);
        InfusionStart.requireSpacing(sessions.lastInfusionStart(), startedAt, plan, protocol, overrides);
        series.requireRoomFor(startedAt, plan, overrides);
        Dose dose = InfusionStart.requireReadyAndDose(command, protocol, overrides);
        apply(new InfusionSessionStartedEvent(courseId, patientId, command.sessionId(), clinicId, command.vitals(),
                command.weightKg(), command.weightMeasuredAt(), dose.mgPerKg(), dose.mg(), overrides.taken(), startedAt));
        return dose;
    }

    @CommandHandler
    void handle(StartSpravatoSessionCommand command) {
        requireSessionMayStart(Modality.SPRAVATO, command.clinicId(), command.dosedAt(), command.clinicZone());
        SpravatoStart.requireDosable(command, sessions.spravatoDoses(), rems);
        Overrides overrides = new Overrides(command.overrideReasons(), command.by(), command.byPrescriber(), command.dosedAt());
        SpravatoStart.requirePreDoseBloodPressure(command.preDoseVitals(), command.dosedAt(), protocol, overrides);
        apply(new SpravatoSessionStartedEvent(courseId, patientId, command.sessionId(), clinicId, command.doseMg(), command.preDoseVitals(),
                overrides.taken(), command.dosedAt()));
        apply(new RemsFormDueEvent(courseId, patientId, command.sessionId(), clinicId,
                SpravatoStart.remsFormDueBy(command.dosedAt(), protocol)));
    }

    /** Steps of a session go to the session they name, if it is of the kind the step is for ({@link CourseSessions}). */
    @CommandHandlerInterceptor
    void toAnInfusion(InfusionSessionCommand command) {
        sessions.requireInfusion(command.sessionId());
    }

    @CommandHandlerInterceptor
    void toASpravatoSession(SpravatoSessionCommand command) {
        sessions.requireSpravato(command.sessionId());
    }

    /** An instrument submission judged against the course's baseline; a PHQ-9 item 9 above 0 raises a safety alert ({@link OutcomeTracker}). */
    @CommandHandler
    OutcomeRecordedEvent handle(RecordOutcomeCommand command) {
        requireOpen();
        OutcomeTracker.Judged judged = outcomes.judge(command, ref(), protocol, indication);
        apply(judged.recorded());
        if (judged.alert() != null) {
            apply(judged.alert());
        }
        return judged.recorded();
    }

    private CourseRef ref() {
        return new CourseRef(courseId, patientId, clinicId);
    }

    private void requireOpen() {
        CourseLifecycle.requireOpen(phase);
    }

    /**
     * Either kind of session starts only on an open course of its modality, at the clinic the course
     * is at, with no other session in progress, nothing holding the course, and its eligibility
     * current on the clinic's calendar.
     */
    private void requireSessionMayStart(Modality kind, UUID atClinic, Instant at, ZoneId clinicZone) {
        requireOpen();
        requireModality(kind);
        if (!clinicId.equals(atClinic)) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "transfer-first",
                    "the course is at clinic " + clinicId + "; transfer it before treating at " + atClinic);
        }
        sessions.requireNoneInProgress();
        eligibility.requireNoHold(alerts);
        eligibility.requireEligibleOn(at, clinicZone);
    }

    private void requireModality(Modality expected) {
        if (modality != expected) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "modality", "this is a " + modality.code() + " course");
        }
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
        sessions = new CourseSessions(event.protocol());
    }

    @EventSourcingHandler
    void on(ExternalFactRecordedEvent event) {
        recordedSourceEvents.add(event.sourceEventId());
    }

    @EventSourcingHandler
    void on(CourseTransferredEvent event) {
        clinicId = event.toClinicId();
    }

    @EventSourcingHandler
    void on(PhaseChangedEvent event) {
        phase = event.to();
    }
}
