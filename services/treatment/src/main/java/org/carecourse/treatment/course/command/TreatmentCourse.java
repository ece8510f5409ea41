package org.carecourse.treatment.course.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.treatment.clinical.Dose;
import org.carecourse.treatment.clinical.Dosing;
import org.carecourse.treatment.clinical.OutcomeAssessment;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.AdverseEventReportedEvent;
import org.carecourse.treatment.course.api.ChangePhaseCommand;
import org.carecourse.treatment.course.api.ClinicalOverride;
import org.carecourse.treatment.course.api.CloseCourseCommand;
import org.carecourse.treatment.course.api.CourseClosedEvent;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.CourseTransferredEvent;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.carecourse.treatment.course.api.ExternalFactRecordedEvent;
import org.carecourse.treatment.course.api.InfusionSessionCommand;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.Modality;
import org.carecourse.treatment.course.api.OpenCourseCommand;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.carecourse.treatment.course.api.Phase;
import org.carecourse.treatment.course.api.PhaseChangedEvent;
import org.carecourse.treatment.course.api.RecordExternalFactCommand;
import org.carecourse.treatment.course.api.RecordOutcomeCommand;
import org.carecourse.treatment.course.api.RemsFormDueEvent;
import org.carecourse.treatment.course.api.ReportAdverseEventCommand;
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
@Aggregate(snapshotTriggerDefinition = "courseSnapshotTrigger", snapshotFilter = "courseSnapshotFilter")
// Snapshots of another revision of this class are ignored: the course is rebuilt from its events instead.
@Revision("5")
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
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, InfusionSession> infusions = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, SpravatoSession> spravatoSessions = new HashMap<>();
    private UUID activeSession;
    private Instant lastInfusionStart;
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
        Instant startedAt = command.startedAt();
        ClinicalOverride spacingOverride = null;
        int spacingHours = Math.max(plan.minimumSpacingHours(), protocol.minimumSpacingHours());
        if (lastInfusionStart != null && Duration.between(lastInfusionStart, startedAt).compareTo(Duration.ofHours(spacingHours)) < 0) {
            if (blank(command.spacingOverrideReason())) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "minimum-spacing", "infusions must be at least " + spacingHours
                        + " h apart, unless a prescriber records why not");
            }
            spacingOverride = new ClinicalOverride(command.by(), startedAt, command.spacingOverrideReason().strip());
        }
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
        ClinicalOverride capOverride = null;
        if (dose.aboveCap()) {
            if (blank(command.capOverrideReason())) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "dose-cap-override-needs-reason", dose.mg() + " mg is above the "
                        + protocol.doseCapMg() + " mg cap: a prescriber override with a reason is needed");
            }
            capOverride = new ClinicalOverride(command.by(), startedAt, command.capOverrideReason().strip());
        }
        apply(new InfusionSessionStartedEvent(courseId, patientId, command.sessionId(), clinicId, command.vitals(),
                command.weightKg(), command.weightMeasuredAt(), dose.mgPerKg(), dose.mg(), capOverride, spacingOverride, startedAt));
        return dose;
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
        requireNoSessionInProgress();
        Vitals bp = command.preDoseVitals();
        requirePreStart(bp, command.dosedAt());
        ClinicalOverride bpOverride = null;
        if (bp.systolic() > protocol.spravatoDelaySystolic() || bp.diastolic() > protocol.spravatoDelayDiastolic()) {
            if (blank(command.proceedAboveBpReason())) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "spravato-bp-delay", "pre-dose BP " + bp.systolic() + "/"
                        + bp.diastolic() + " is above " + protocol.spravatoDelaySystolic() + "/" + protocol.spravatoDelayDiastolic()
                        + ": delay the dose, or a prescriber records why to proceed");
            }
            bpOverride = new ClinicalOverride(command.by(), command.dosedAt(), command.proceedAboveBpReason().strip());
        }
        apply(new SpravatoSessionStartedEvent(courseId, patientId, command.sessionId(), clinicId, command.doseMg(), bp, bpOverride,
                command.dosedAt()));
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
        CourseSession session = infusions.containsKey(command.sessionId()) ? infusions.get(command.sessionId())
                : spravatoSessions.get(command.sessionId());
        if (session == null) {
            throw noSuchSession(command.sessionId());
        }
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

    @CommandHandler
    OutcomeRecordedEvent handle(RecordOutcomeCommand command) {
        requireOpen();
        if (baselinePhq9 == null) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "baseline-required", "the course has no baseline PHQ-9");
        }
        OutcomeAssessment assessment = OutcomeAssessment.of(baselinePhq9, command.phq9(), treatmentsCompleted, respondedBefore,
                protocol);
        OutcomeRecordedEvent event = new OutcomeRecordedEvent(courseId, patientId, command.sessionId(), clinicId, "phq-9",
                command.phq9(), baselinePhq9, assessment.percentChange(), assessment.response(), assessment.remission(),
                assessment.futility(), command.at());
        apply(event);
        return event;
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

    private static boolean blank(String text) {
        return SessionRules.blank(text);
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
        infusions.put(event.sessionId(), new InfusionSession(event, protocol));
        activeSession = event.sessionId();
        lastInfusionStart = event.startedAt();
    }

    @EventSourcingHandler
    void on(SpravatoSessionStartedEvent event) {
        spravatoSessions.put(event.sessionId(), new SpravatoSession(event, protocol));
        activeSession = event.sessionId();
        spravatoDoses.add(event.dosedAt());
    }

    /** Completed sessions of either kind are the treatments futility is judged after. */
    @EventSourcingHandler
    void on(SessionCompletedEvent event) {
        activeSession = null;
        treatmentsCompleted++;
    }

    @EventSourcingHandler
    void on(SessionAbortedEvent event) {
        activeSession = null;
    }

    @EventSourcingHandler
    void on(OutcomeRecordedEvent event) {
        respondedBefore |= event.response();
    }
}
