package org.carecourse.treatment.course.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.clinical.Dose;
import org.carecourse.treatment.clinical.Dosing;
import org.carecourse.treatment.clinical.OutcomeAssessment;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.AdverseEventReportedEvent;
import org.carecourse.treatment.course.api.ChangePhaseCommand;
import org.carecourse.treatment.course.api.CloseCourseCommand;
import org.carecourse.treatment.course.api.CompleteSessionCommand;
import org.carecourse.treatment.course.api.CompleteSpravatoSessionCommand;
import org.carecourse.treatment.course.api.ControlledSubstanceRecordedEvent;
import org.carecourse.treatment.course.api.CourseClosedEvent;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.CourseTransferredEvent;
import org.carecourse.treatment.course.api.DoseHeldEvent;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.carecourse.treatment.course.api.ExternalFactRecordedEvent;
import org.carecourse.treatment.course.api.InfusionAdministeredEvent;
import org.carecourse.treatment.course.api.InfusionResumedEvent;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.Modality;
import org.carecourse.treatment.course.api.OpenCourseCommand;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.carecourse.treatment.course.api.Phase;
import org.carecourse.treatment.course.api.PhaseChangedEvent;
import org.carecourse.treatment.course.api.RecordControlledSubstanceCommand;
import org.carecourse.treatment.course.api.RecordExternalFactCommand;
import org.carecourse.treatment.course.api.RecordOutcomeCommand;
import org.carecourse.treatment.course.api.RecordSessionVitalsCommand;
import org.carecourse.treatment.course.api.RemsFormDueEvent;
import org.carecourse.treatment.course.api.RemsFormSubmittedEvent;
import org.carecourse.treatment.course.api.ReportAdverseEventCommand;
import org.carecourse.treatment.course.api.ResumeInfusionCommand;
import org.carecourse.treatment.course.api.SessionCompletedEvent;
import org.carecourse.treatment.course.api.SessionVitalsRecordedEvent;
import org.carecourse.treatment.course.api.SpravatoSessionStartedEvent;
import org.carecourse.treatment.course.api.StartInfusionSessionCommand;
import org.carecourse.treatment.course.api.StartSpravatoSessionCommand;
import org.carecourse.treatment.course.api.StopInfusionCommand;
import org.carecourse.treatment.course.api.SubmitRemsFormCommand;
import org.carecourse.treatment.course.api.TransferCourseCommand;

/**
 * A patient's treatment course: one event stream across every clinic it passes through, holding
 * its own clinical events and, with provenance, the facts other services report about it.
 */
@Aggregate(snapshotTriggerDefinition = "courseSnapshotTrigger", snapshotFilter = "courseSnapshotFilter")
// Snapshots of another revision of this class are ignored: the course is rebuilt from its events instead.
@Revision("4")
// Snapshots are serialized field by field (the course has no getters and should not grow them).
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class TreatmentCourse {

    @AggregateIdentifier
    private UUID courseId;
    private UUID patientId;
    private UUID clinicId;
    private Modality modality;
    private Phase phase;
    private TreatmentProtocol protocol;
    private CoursePlan plan;
    private Integer baselinePhq9;
    private Set<UUID> recordedSourceEvents = new HashSet<>();
    private Map<UUID, Session> sessions = new HashMap<>();
    private UUID activeSession;
    private Instant lastInfusionStart;
    private int infusionsGiven;
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
        if (eligibility.validUntil().isBefore(command.openedAt().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "eligibility-expired",
                    "the eligibility decision expired on " + eligibility.validUntil());
        }
        apply(new CourseOpenedEvent(command.courseId(), command.patientId(), command.clinicId(), command.modality(),
                eligibility, command.plan(), command.protocol(), command.treatmentProtocolVersion(), command.baselinePhq9(),
                command.openedAt()));
    }

    @CommandHandler
    void handle(RecordExternalFactCommand command) {
        if (recordedSourceEvents.contains(command.sourceEventId())) {
            return; // the same fact delivered again adds nothing
        }
        apply(new ExternalFactRecordedEvent(courseId, patientId, command.sourceService(), command.sourceEventId(),
                command.factType(), command.facts(), command.occurredAt()));
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

    @CommandHandler
    void handle(ChangePhaseCommand command) {
        requireOpen();
        if (phase != Phase.INDUCTION || command.to() != Phase.MAINTENANCE) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "phase-order", "a course moves from induction to maintenance only");
        }
        apply(new PhaseChangedEvent(courseId, patientId, phase, command.to(), command.reason(), command.at()));
    }

    @CommandHandler
    void handle(CloseCourseCommand command) {
        requireOpen();
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
        if (activeSession != null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "session-in-progress", "session " + activeSession + " is still in progress");
        }
        int spacingHours = Math.max(plan.minimumSpacingHours(), protocol.minimumSpacingHours());
        if (lastInfusionStart != null && Duration.between(lastInfusionStart, command.startedAt())
                .compareTo(Duration.ofHours(spacingHours)) < 0) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "minimum-spacing",
                    "infusions must be at least " + spacingHours + " h apart");
        }
        if (!command.fastingConfirmed()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "fasting-required", "fasting must be confirmed before an infusion");
        }
        if (!command.escortConfirmed()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "escort-required", "an escort or driver must be confirmed");
        }
        if (command.weightMeasuredAt().isBefore(command.startedAt().minus(Duration.ofDays(protocol.weightValidDays())))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "weight-outdated",
                    "weight must be measured within " + protocol.weightValidDays() + " days");
        }
        List<String> violations = command.vitals().startViolations(protocol);
        if (!violations.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "vitals-above-start-thresholds", String.join("; ", violations));
        }
        Dose dose = Dosing.calculate(command.mgPerKg(), command.weightKg(), protocol);
        if (dose.aboveCap() && blank(command.capOverrideReason())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "dose-cap-override-needs-reason",
                    dose.mg() + " mg is above the " + protocol.doseCapMg() + " mg cap: a prescriber override with a reason is needed");
        }
        apply(new InfusionSessionStartedEvent(courseId, patientId, command.sessionId(), clinicId, command.vitals(),
                command.weightKg(), command.weightMeasuredAt(), dose.mgPerKg(), dose.mg(),
                dose.aboveCap() ? command.capOverrideReason().strip() : null, command.startedAt()));
        return dose;
    }

    @CommandHandler
    List<String> handle(RecordSessionVitalsCommand command) {
        Session session = session(command.sessionId());
        apply(new SessionVitalsRecordedEvent(courseId, command.sessionId(), command.vitals()));
        List<String> reasons = command.vitals().holdReasons(protocol);
        if (session.infusing() && !session.held() && !reasons.isEmpty()) {
            apply(new DoseHeldEvent(courseId, patientId, command.sessionId(), clinicId, reasons, command.vitals().takenAt()));
        }
        return reasons;
    }

    @CommandHandler
    void handle(ResumeInfusionCommand command) {
        Session session = infusionSession(command.sessionId());
        if (!session.held()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "not-held", "the infusion is not on hold");
        }
        if (blank(command.decision())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "resume-needs-decision", "record the clinician's decision to resume");
        }
        apply(new InfusionResumedEvent(courseId, command.sessionId(), command.decision().strip(), command.at()));
    }

    @CommandHandler
    void handle(StopInfusionCommand command) {
        Session session = infusionSession(command.sessionId());
        if (!session.infusing()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "not-infusing", "no infusion is running in session " + command.sessionId());
        }
        if (command.mgGiven().compareTo(session.doseMg()) > 0) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "more-than-dosed",
                    command.mgGiven() + " mg is more than the " + session.doseMg() + " mg dose");
        }
        int missed = session.cadenceMissed() + (overCadence(session.lastVitalsAt(), command.stoppedAt()) ? 1 : 0);
        apply(new InfusionAdministeredEvent(courseId, patientId, command.sessionId(), clinicId, session.startedAt(),
                command.stoppedAt(), command.mgGiven(), session.mgPerKg(), session.weightKg(), missed));
    }

    @CommandHandler
    void handle(ReportAdverseEventCommand command) {
        session(command.sessionId());
        apply(new AdverseEventReportedEvent(courseId, patientId, command.sessionId(), clinicId, command.type(),
                command.severity(), command.action(), command.at()));
    }

    @CommandHandler
    void handle(RecordControlledSubstanceCommand command) {
        infusionSession(command.sessionId());
        apply(new ControlledSubstanceRecordedEvent(courseId, command.sessionId(), command.lot(), command.givenMg(),
                command.wastedMg(), command.witness()));
    }

    @CommandHandler
    void handle(CompleteSessionCommand command) {
        Session session = infusionSession(command.sessionId());
        if (session.stoppedAt() == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "infusion-not-stopped", "stop the infusion before discharge");
        }
        if (!session.controlledSubstanceRecorded()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "controlled-substance-record-required",
                    "record lot, amount given, wasted and witness before discharge");
        }
        if (command.completedAt().isBefore(session.stoppedAt().plus(Duration.ofMinutes(protocol.dischargeObservationMinutes())))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "observation-period",
                    "observe at least " + protocol.dischargeObservationMinutes() + " min after the infusion ends");
        }
        requireDischargeable(command.dischargeVitals(), command.escortConfirmed());
        apply(new SessionCompletedEvent(courseId, patientId, command.sessionId(), clinicId, command.dischargeVitals(), null,
                command.completedAt()));
    }

    @CommandHandler
    OutcomeRecordedEvent handle(RecordOutcomeCommand command) {
        requireOpen();
        if (baselinePhq9 == null) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "baseline-required", "the course has no baseline PHQ-9");
        }
        OutcomeAssessment assessment = OutcomeAssessment.of(baselinePhq9, command.phq9(), infusionsGiven, respondedBefore, protocol);
        OutcomeRecordedEvent event = new OutcomeRecordedEvent(courseId, patientId, command.sessionId(), clinicId, "phq-9",
                command.phq9(), baselinePhq9, assessment.percentChange(), assessment.response(), assessment.remission(),
                assessment.futility(), command.at());
        apply(event);
        return event;
    }

    @CommandHandler
    void handle(StartSpravatoSessionCommand command) {
        requireOpen();
        requireModality(Modality.SPRAVATO);
        requireHere(command.clinicId());
        if (command.doseMg() != 56 && command.doseMg() != 84) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "spravato-dose", "Spravato is dosed 56 mg or 84 mg");
        }
        if (spravatoDoses.isEmpty() && command.doseMg() != 56) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "spravato-first-dose", "the first Spravato dose is 56 mg");
        }
        requireSpravatoSchedule(command.dosedAt());
        if (activeSession != null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "session-in-progress", "session " + activeSession + " is still in progress");
        }
        Vitals bp = command.preDoseVitals();
        if ((bp.systolic() > protocol.spravatoDelaySystolic() || bp.diastolic() > protocol.spravatoDelayDiastolic())
                && blank(command.proceedAboveBpReason())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "spravato-bp-delay",
                    "pre-dose BP " + bp.systolic() + "/" + bp.diastolic() + " is above " + protocol.spravatoDelaySystolic() + "/"
                            + protocol.spravatoDelayDiastolic() + ": delay the dose, or a prescriber records why to proceed");
        }
        apply(new SpravatoSessionStartedEvent(courseId, patientId, command.sessionId(), clinicId, command.doseMg(),
                command.preDoseVitals(), command.dosedAt()));
        apply(new RemsFormDueEvent(courseId, patientId, command.sessionId(), clinicId,
                command.dosedAt().plus(Duration.ofDays(protocol.remsFormDueDays()))));
    }

    @CommandHandler
    void handle(CompleteSpravatoSessionCommand command) {
        Session session = spravatoSession(command.sessionId());
        if (command.completedAt().isBefore(session.startedAt().plus(Duration.ofMinutes(protocol.spravatoObservationMinutes())))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "observation-period",
                    "observe at least " + protocol.spravatoObservationMinutes() + " min after the Spravato dose");
        }
        if (!command.sedationResolved() || !command.dissociationResolved() || !command.respiratoryStable()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "not-stable", "sedation and dissociation must have resolved and breathing be stable");
        }
        requireDischargeable(command.dischargeVitals(), true);
        apply(new SessionCompletedEvent(courseId, patientId, command.sessionId(), clinicId, command.dischargeVitals(),
                command.fortyMinuteVitals(), command.completedAt()));
    }

    @CommandHandler
    void handle(SubmitRemsFormCommand command) {
        Session session = sessions.get(command.sessionId());
        if (session == null || session.remsDueBy() == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "no-rems-form-due", "no REMS form is due for session " + command.sessionId());
        }
        if (session.remsSubmitted()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "rems-form-submitted", "the REMS form was already submitted");
        }
        apply(new RemsFormSubmittedEvent(courseId, patientId, command.sessionId(), clinicId, command.confirmation(),
                command.submittedAt(), command.submittedAt().isAfter(session.remsDueBy())));
    }

    /**
     * The label's induction schedule: at most two doses in any 7 days during weeks 1–4 after the
     * first dose, at most one from week 5 on (weekly, then weekly or every two weeks).
     */
    private void requireSpravatoSchedule(Instant dosedAt) {
        if (spravatoDoses.isEmpty()) {
            return;
        }
        boolean firstFourWeeks = dosedAt.isBefore(spravatoDoses.get(0).plus(Duration.ofDays(28)));
        int allowed = firstFourWeeks ? 2 : 1;
        long inLastWeek = spravatoDoses.stream().filter(d -> d.isAfter(dosedAt.minus(Duration.ofDays(7)))).count();
        if (inLastWeek >= allowed) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "spravato-schedule", (firstFourWeeks ? "weeks 1-4 allow two"
                    : "from week 5 one") + " Spravato dose(s) in any 7 days");
        }
    }

    private void requireDischargeable(Vitals vitals, boolean escortConfirmed) {
        List<String> violations = vitals.startViolations(protocol);
        if (!violations.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "discharge-vitals", "vitals not back under start thresholds: "
                    + String.join("; ", violations));
        }
        if (!escortConfirmed) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "escort-required", "an escort or driver must be confirmed");
        }
    }

    private Session session(UUID sessionId) {
        Session session = sessions.get(sessionId);
        if (session == null || session.completed()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "no-such-session", "session " + sessionId + " is not in progress on this course");
        }
        return session;
    }

    /**
     * An IV ketamine session in progress. Infusion steps (resume, stop, the Schedule III record,
     * discharge after the post-infusion observation) never apply to a Spravato session, nor the
     * Spravato discharge to an infusion: that would skip the infusion's stop, its controlled
     * substance record and its observation.
     */
    private Session infusionSession(UUID sessionId) {
        Session session = session(sessionId);
        if (!session.infusion()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "not-an-infusion-session", "session " + sessionId + " is a Spravato session");
        }
        return session;
    }

    private Session spravatoSession(UUID sessionId) {
        Session session = session(sessionId);
        if (session.infusion()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "not-a-spravato-session", "session " + sessionId + " is an IV infusion session");
        }
        return session;
    }

    private void requireOpen() {
        if (phase == Phase.COMPLETED || phase == Phase.DISCONTINUED) {
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

    private boolean overCadence(Instant from, Instant to) {
        return Duration.between(from, to).compareTo(Duration.ofMinutes(protocol.vitalsEveryMinutes())) > 0;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(CourseOpenedEvent event) {
        courseId = event.courseId();
        patientId = event.patientId();
        clinicId = event.clinicId();
        modality = event.modality();
        phase = Phase.INDUCTION;
        protocol = event.protocol();
        plan = event.plan();
        baselinePhq9 = event.baselinePhq9();
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

    @EventSourcingHandler
    void on(InfusionSessionStartedEvent event) {
        sessions.put(event.sessionId(), Session.started(event.startedAt(), event.doseMg(), event.mgPerKg(), event.weightKg()));
        activeSession = event.sessionId();
        lastInfusionStart = event.startedAt();
    }

    @EventSourcingHandler
    void on(SessionVitalsRecordedEvent event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.infusing()
                ? session.withVitals(event.vitals().takenAt(), overCadence(session.lastVitalsAt(), event.vitals().takenAt()))
                : session);
    }

    @EventSourcingHandler
    void on(DoseHeldEvent event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.withHeld(true));
    }

    @EventSourcingHandler
    void on(InfusionResumedEvent event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.withHeld(false));
    }

    @EventSourcingHandler
    void on(InfusionAdministeredEvent event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.withStoppedAt(event.stoppedAt()));
        infusionsGiven++;
    }

    @EventSourcingHandler
    void on(ControlledSubstanceRecordedEvent event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.withControlledSubstanceRecord());
    }

    @EventSourcingHandler
    void on(SessionCompletedEvent event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.asCompleted());
        activeSession = null;
    }

    @EventSourcingHandler
    void on(OutcomeRecordedEvent event) {
        respondedBefore |= event.response();
    }

    @EventSourcingHandler
    void on(SpravatoSessionStartedEvent event) {
        sessions.put(event.sessionId(), Session.started(event.dosedAt(), null, null, null));
        activeSession = event.sessionId();
        spravatoDoses.add(event.dosedAt());
    }

    @EventSourcingHandler
    void on(RemsFormDueEvent event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.withRemsDue(event.dueBy()));
    }

    @EventSourcingHandler
    void on(RemsFormSubmittedEvent event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.withRemsSubmitted());
    }

    /** What the course remembers of a session to judge the next step (a value, replaced on change). */
    private record Session(Instant startedAt, BigDecimal doseMg, BigDecimal mgPerKg, BigDecimal weightKg, boolean held,
            Instant stoppedAt, boolean controlledSubstanceRecorded, boolean completed, Instant remsDueBy, boolean remsSubmitted,
            Instant lastVitalsAt, int cadenceMissed) {

        static Session started(Instant at, BigDecimal doseMg, BigDecimal mgPerKg, BigDecimal weightKg) {
            return new Session(at, doseMg, mgPerKg, weightKg, false, null, false, false, null, false, at, 0);
        }

        Session withVitals(Instant takenAt, boolean late) {
            return new Session(startedAt, doseMg, mgPerKg, weightKg, held, stoppedAt, controlledSubstanceRecorded, completed,
                    remsDueBy, remsSubmitted, takenAt, cadenceMissed + (late ? 1 : 0));
        }

        /** IV sessions carry a weight-based dose in mg; Spravato sessions a fixed device dose kept elsewhere. */
        boolean infusion() {
            return doseMg != null;
        }

        boolean infusing() {
            return infusion() && stoppedAt == null;
        }

        Session withHeld(boolean value) {
            return new Session(startedAt, doseMg, mgPerKg, weightKg, value, stoppedAt, controlledSubstanceRecorded, completed,
                    remsDueBy, remsSubmitted, lastVitalsAt, cadenceMissed);
        }

        Session withStoppedAt(Instant at) {
            return new Session(startedAt, doseMg, mgPerKg, weightKg, held, at, controlledSubstanceRecorded, completed,
                    remsDueBy, remsSubmitted, lastVitalsAt, cadenceMissed);
        }

        Session withControlledSubstanceRecord() {
            return new Session(startedAt, doseMg, mgPerKg, weightKg, held, stoppedAt, true, completed,
                    remsDueBy, remsSubmitted, lastVitalsAt, cadenceMissed);
        }

        Session asCompleted() {
            return new Session(startedAt, doseMg, mgPerKg, weightKg, held, stoppedAt, controlledSubstanceRecorded, true,
                    remsDueBy, remsSubmitted, lastVitalsAt, cadenceMissed);
        }

        Session withRemsDue(Instant dueBy) {
            return new Session(startedAt, doseMg, mgPerKg, weightKg, held, stoppedAt, controlledSubstanceRecorded, completed,
                    dueBy, remsSubmitted, lastVitalsAt, cadenceMissed);
        }

        Session withRemsSubmitted() {
            return new Session(startedAt, doseMg, mgPerKg, weightKg, held, stoppedAt, controlledSubstanceRecorded, completed,
                    remsDueBy, true, lastVitalsAt, cadenceMissed);
        }
    }
}
