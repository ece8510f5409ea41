package org.carecourse.treatment.course.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.carecourse.treatment.course.command.SessionRules.requireTakenBetween;
import static org.carecourse.treatment.course.command.SessionRules.stripped;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.AbortReason;
import org.carecourse.treatment.course.api.AbortSpravatoSessionCommand;
import org.carecourse.treatment.course.api.CompleteSpravatoSessionCommand;
import org.carecourse.treatment.course.api.Modality;
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
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class SpravatoSession implements CourseSession {

    @EntityId
    private UUID sessionId;
    private UUID courseId;
    private UUID patientId;
    private UUID clinicId;
    private TreatmentProtocol protocol;
    private Instant dosedAt;
    private Instant endedAt;
    private Instant remsDueBy;
    private boolean remsSubmitted;

    SpravatoSession() {
        // for snapshots
    }

    SpravatoSession(SpravatoSessionStartedEvent started, TreatmentProtocol protocol) {
        this.sessionId = started.sessionId();
        this.courseId = started.courseId();
        this.patientId = started.patientId();
        this.clinicId = started.clinicId();
        this.protocol = protocol;
        this.dosedAt = started.dosedAt();
    }

    @CommandHandler
    void handle(RecordSpravatoVitalsCommand command) {
        requireNotEnded();
        requireTakenBetween(command.vitals(), dosedAt, command.recordedAt(), "a Spravato observation reading");
        apply(new SessionVitalsRecordedEvent(courseId, sessionId, command.vitals()));
    }

    /**
     * Discharge after the observation period, the patient stable, with the post-dose BP taken near
     * the protocol's time after the dose (about 40 min) and the discharge BP after it.
     */
    @CommandHandler
    void handle(CompleteSpravatoSessionCommand command) {
        requireNotEnded();
        if (command.completedAt().isBefore(dosedAt.plus(Duration.ofMinutes(protocol.spravatoObservationMinutes())))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "observation-period",
                    "observe at least " + protocol.spravatoObservationMinutes() + " min after the Spravato dose");
        }
        if (!command.sedationResolved() || !command.dissociationResolved() || !command.respiratoryStable()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "not-stable", "sedation and dissociation must have resolved and breathing be stable");
        }
        Duration check = Duration.ofMinutes(protocol.spravatoPostDoseCheckMinutes());
        Duration tolerance = Duration.ofMinutes(protocol.spravatoPostDoseCheckToleranceMinutes());
        Vitals postDose = command.fortyMinuteVitals();
        requireTakenBetween(postDose, dosedAt.plus(check).minus(tolerance), dosedAt.plus(check).plus(tolerance),
                "the post-dose BP (" + check.toMinutes() + " ± " + tolerance.toMinutes() + " min after the dose)");
        requireTakenBetween(command.dischargeVitals(), postDose.takenAt(), command.completedAt(), "discharge vitals");
        SessionRules.requireDischargeable(command.dischargeVitals(), true, protocol);
        apply(new SessionCompletedEvent(courseId, patientId, sessionId, clinicId, command.dischargeVitals(), postDose,
                command.completedAt()));
    }

    @CommandHandler
    void handle(AbortSpravatoSessionCommand command) {
        requireNotEnded();
        SessionRules.requireNoteForOther(command.reason() == AbortReason.OTHER, command.note(), "abort-needs-note");
        apply(new SessionAbortedEvent(courseId, patientId, sessionId, clinicId, Modality.SPRAVATO, command.reason(),
                stripped(command.note()), command.at()));
    }

    @CommandHandler
    void handle(SubmitRemsFormCommand command) {
        if (remsDueBy == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "no-rems-form-due", "no REMS form is due for session " + sessionId);
        }
        if (remsSubmitted) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "rems-form-submitted", "the REMS form was already submitted");
        }
        apply(new RemsFormSubmittedEvent(courseId, patientId, sessionId, clinicId, command.confirmation(),
                command.submittedAt(), command.submittedAt().isAfter(remsDueBy)));
    }

    private void requireNotEnded() {
        if (endedAt != null) {
            throw SessionRules.ended(sessionId);
        }
    }

    @Override
    public UUID clinicId() {
        return clinicId;
    }

    @Override
    public Instant began() {
        return dosedAt;
    }

    @Override
    public Instant ended() {
        return endedAt;
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
            return Objects.equals(sessionId, other.sessionId) && Objects.equals(courseId, other.courseId)
                    && Objects.equals(patientId, other.patientId) && Objects.equals(clinicId, other.clinicId)
                    && Objects.equals(protocol, other.protocol) && Objects.equals(dosedAt, other.dosedAt)
                    && Objects.equals(endedAt, other.endedAt) && Objects.equals(remsDueBy, other.remsDueBy)
                    && remsSubmitted == other.remsSubmitted;
        }
        return false;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, endedAt);
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
        endedAt = event.completedAt();
    }

    @EventSourcingHandler
    void on(SessionAbortedEvent event) {
        endedAt = event.at();
    }
}
