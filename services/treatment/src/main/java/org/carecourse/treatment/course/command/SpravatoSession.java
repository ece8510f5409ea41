package org.carecourse.treatment.course.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.carecourse.treatment.course.command.SessionRules.requireTakenBetween;
import static org.carecourse.treatment.course.command.SessionRules.stripped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.carecourse.instruments.Modality;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.AbortReason;
import org.carecourse.treatment.course.api.AbortSpravatoSessionCommand;
import org.carecourse.treatment.course.api.Amendment;
import org.carecourse.treatment.course.api.CompleteSpravatoSessionCommand;
import org.carecourse.treatment.course.api.RecordSpravatoVitalsCommand;
import org.carecourse.treatment.course.api.RemsFormDueEvent;
import org.carecourse.treatment.course.api.RemsFormSubmittedEvent;
import org.carecourse.treatment.course.api.SessionAbortedEvent;
import org.carecourse.treatment.course.api.SessionCompletedEvent;
import org.carecourse.treatment.course.api.SessionVitalsRecordedEvent;
import org.carecourse.treatment.course.api.SpravatoSessionStartedEvent;
import org.carecourse.treatment.course.api.SubmitRemsFormCommand;

/**
 * One Spravato session of a course, an entity of the course's stream: dosed and observed, then
 * discharged or aborted; its REMS monitoring form is owed either way, because the dose was given.
 */
class SpravatoSession extends CourseSession {

    private Instant remsDueBy;
    private boolean remsSubmitted;
    /** The readings charted, by sequence number: what an amendment may cite. */
    private Set<Long> readings = new HashSet<>();

    SpravatoSession() {
        // for snapshots
    }

    SpravatoSession(SpravatoSessionStartedEvent started, TreatmentProtocol protocol) {
        super(started.sessionId(), started.courseId(), started.patientId(), started.clinicId(), protocol, started.dosedAt());
    }

    @CommandHandler
    void handle(RecordSpravatoVitalsCommand command) {
        requireNotEnded();
        requireTakenBetween(command.vitals(), began(), command.recordedAt(), "a Spravato observation reading");
        apply(new SessionVitalsRecordedEvent(courseId(), sessionId(), command.vitals()));
    }

    /**
     * Discharge after the observation period, the patient stable, with the post-dose BP taken near
     * the protocol()'s time after the dose (about 40 min) and the discharge BP after it.
     */
    @CommandHandler
    void handle(CompleteSpravatoSessionCommand command) {
        requireNotEnded();
        if (command.completedAt().isBefore(began().plus(Duration.ofMinutes(protocol().spravato().observationMinutes())))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "observation-period",
                    "observe at least " + protocol().spravato().observationMinutes() + " min after the Spravato dose");
        }
        if (!command.sedationResolved() || !command.dissociationResolved() || !command.respiratoryStable()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "not-stable", "sedation and dissociation must have resolved and breathing be stable");
        }
        Duration check = Duration.ofMinutes(protocol().spravato().postDoseCheckMinutes());
        Duration tolerance = Duration.ofMinutes(protocol().spravato().postDoseCheckToleranceMinutes());
        Vitals postDose = command.fortyMinuteVitals();
        requireTakenBetween(postDose, began().plus(check).minus(tolerance), began().plus(check).plus(tolerance),
                "the post-dose BP (" + check.toMinutes() + " ± " + tolerance.toMinutes() + " min after the dose)");
        requireTakenBetween(command.dischargeVitals(), postDose.takenAt(), command.completedAt(), "discharge vitals");
        SessionRules.requireDischargeable(command.dischargeVitals(), true, protocol());
        apply(new SessionCompletedEvent(courseId(), patientId(), sessionId(), clinicId(), command.dischargeVitals(), postDose,
                command.completedAt()));
    }

    @CommandHandler
    void handle(AbortSpravatoSessionCommand command) {
        requireNotEnded();
        SessionRules.requireNoteForOther(command.reason() == AbortReason.OTHER, command.note(), "abort-needs-note");
        apply(new SessionAbortedEvent(courseId(), patientId(), sessionId(), clinicId(), Modality.SPRAVATO, command.reason(),
                stripped(command.note()), command.at()));
    }

    @CommandHandler
    void handle(SubmitRemsFormCommand command) {
        if (remsDueBy == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "no-rems-form-due", "no REMS form is due for session " + sessionId());
        }
        if (remsSubmitted) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "rems-form-submitted", "the REMS form was already submitted");
        }
        apply(new RemsFormSubmittedEvent(courseId(), patientId(), sessionId(), clinicId(), command.confirmation(),
                command.submittedAt(), command.submittedAt().isAfter(remsDueBy)));
    }

    /**
     * Equal when in the same state: Axon's test fixture compares the course's state after a command
     * with the state sourced from its events, sessions included.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o instanceof SpravatoSession other) {
            return sameSession(other) && Objects.equals(remsDueBy, other.remsDueBy)
                    && Objects.equals(readings, other.readings)
                    && remsSubmitted == other.remsSubmitted;
        }
        return false;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    Set<String> chartedBy(long sequence) {
        return readings.contains(sequence) ? Set.of(Amendment.VITALS) : Set.of();
    }

    @Override
    void requirePlausible(Amendment corrected, Instant now) {
        requireTakenBetween(corrected.vitals(), began(), endedOr(now), "the corrected reading");
    }

    @EventSourcingHandler
    void on(SessionVitalsRecordedEvent event, @SequenceNumber long sequence) {
        readings.add(sequence);
    }

    @EventSourcingHandler
    void on(RemsFormDueEvent event) {
        remsDueBy = event.dueBy();
    }

    @EventSourcingHandler
    void on(RemsFormSubmittedEvent event) {
        remsSubmitted = true;
    }

    @EventSourcingHandler
    void on(SessionCompletedEvent event) {
        end(event.completedAt());
    }

    @EventSourcingHandler
    void on(SessionAbortedEvent event) {
        end(event.at());
    }
}
