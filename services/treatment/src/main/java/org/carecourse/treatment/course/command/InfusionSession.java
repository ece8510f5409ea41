package org.carecourse.treatment.course.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.carecourse.treatment.course.command.SessionRules.blank;
import static org.carecourse.treatment.course.command.SessionRules.requireTakenBetween;
import static org.carecourse.treatment.course.command.SessionRules.stripped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.carecourse.instruments.Modality;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.AbortInfusionSessionCommand;
import org.carecourse.treatment.course.api.AbortReason;
import org.carecourse.treatment.course.api.Amendment;
import org.carecourse.treatment.course.api.CompleteInfusionSessionCommand;
import org.carecourse.treatment.course.api.ControlledSubstanceRecordedEvent;
import org.carecourse.treatment.course.api.DoseHeldEvent;
import org.carecourse.treatment.course.api.EntryAmendedEvent;
import org.carecourse.treatment.course.api.InfusionAdministeredEvent;
import org.carecourse.treatment.course.api.InfusionResumedEvent;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.RecordControlledSubstanceCommand;
import org.carecourse.treatment.course.api.RecordInfusionVitalsCommand;
import org.carecourse.treatment.course.api.ResumeInfusionCommand;
import org.carecourse.treatment.course.api.SessionAbortedEvent;
import org.carecourse.treatment.course.api.SessionCompletedEvent;
import org.carecourse.treatment.course.api.SessionVitalsRecordedEvent;
import org.carecourse.treatment.course.api.StopInfusionCommand;
import org.carecourse.treatment.course.api.StopReason;

/**
 * One IV ketamine session of a course, an entity of the course's stream with its own life cycle:
 * infusing ⇄ held → observing (stopped) → completed, or aborted from any step before discharge.
 * <p>
 * Over 300 lines on purpose: each step's rule depends on the steps before it (a resume on
 * the hold it ends, discharge on the stop, the Schedule III record and the observation after it),
 * and one state read in one file is what keeps that order checkable. What both kinds of session
 * share lives in {@link CourseSession}.
 */
class InfusionSession extends CourseSession {

    enum Status { INFUSING, HELD, OBSERVING, COMPLETED, ABORTED }

    private BigDecimal doseMg;
    private BigDecimal mgPerKg;
    private BigDecimal weightKg;
    private Status status;
    private Instant heldAt;
    private Instant stoppedAt;
    private BigDecimal mgGiven;
    private boolean controlledSubstanceRecorded;
    /** When each reading was taken, by the sequence number of the event that charted it (amendments replace it). */
    private Map<Long, Instant> readingTimes = new HashMap<>();
    /** What each event of the session charted, by sequence number: what an amendment may cite. */
    private Map<Long, Set<String>> charted = new HashMap<>();

    InfusionSession() {
        // for snapshots
    }

    InfusionSession(InfusionSessionStartedEvent started, long sequence, TreatmentProtocol protocol) {
        super(started.sessionId(), started.courseId(), started.patientId(), started.clinicId(), protocol, started.startedAt());
        this.doseMg = started.doseMg();
        this.mgPerKg = started.mgPerKg();
        this.weightKg = started.weightKg();
        this.status = Status.INFUSING;
        this.charted.put(sequence, Set.of(Amendment.WEIGHT, Amendment.VITALS));
    }

    /** Returns the hold reasons of the reading; a reading over the hold thresholds while infusing holds at once. */
    @CommandHandler
    List<String> handle(RecordInfusionVitalsCommand command) {
        requireNotEnded();
        Vitals vitals = command.vitals();
        requireTakenBetween(vitals, began(), command.recordedAt(), "a session reading");
        apply(new SessionVitalsRecordedEvent(courseId(), sessionId(), vitals));
        List<String> reasons = vitals.holdReasons(protocol());
        if (status == Status.INFUSING && !reasons.isEmpty()) {
            apply(new DoseHeldEvent(courseId(), patientId(), sessionId(), clinicId(), reasons, vitals.takenAt()));
        }
        return reasons;
    }

    @CommandHandler
    void handle(ResumeInfusionCommand command) {
        if (status != Status.HELD) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "not-held", "the infusion is not on hold");
        }
        if (blank(command.decision())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "resume-needs-decision", "record the clinician's decision to resume");
        }
        Vitals reading = command.reading();
        requireTakenBetween(reading, heldAt, command.at(), "the reading to resume on");
        List<String> still = reading.holdReasons(protocol());
        if (!still.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "still-above-hold-thresholds",
                    "the infusion stays on hold: " + String.join("; ", still));
        }
        apply(new SessionVitalsRecordedEvent(courseId(), sessionId(), reading));
        apply(new InfusionResumedEvent(courseId(), sessionId(), command.decision().strip(), command.decidedBy(), command.at()));
    }

    @CommandHandler
    void handle(StopInfusionCommand command) {
        requireRunning();
        SessionRules.requireNoteForOther(command.reason() == StopReason.OTHER, command.note(), "stop-needs-note");
        apply(administered(command.mgGiven(), command.stoppedAt(), command.reason(), stripped(command.note())));
    }

    /** Schedule III: lot, amount given (as administered), wasted and witness, once the infusion has stopped. */
    @CommandHandler
    void handle(RecordControlledSubstanceCommand command) {
        if (stoppedAt == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "infusion-not-stopped", "stop the infusion before the controlled substance record");
        }
        if (controlledSubstanceRecorded) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "controlled-substance-recorded",
                    "the controlled substance record of this session exists; amend it instead");
        }
        if (command.givenMg().compareTo(mgGiven) != 0) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "controlled-substance-mismatch",
                    command.givenMg() + " mg recorded as given, but " + mgGiven + " mg was administered");
        }
        apply(new ControlledSubstanceRecordedEvent(courseId(), sessionId(), command.lot(), command.givenMg(), command.wastedMg(),
                command.witness()));
    }

    @CommandHandler
    void handle(CompleteInfusionSessionCommand command) {
        requireNotEnded();
        if (stoppedAt == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "infusion-not-stopped", "stop the infusion before discharge");
        }
        if (!controlledSubstanceRecorded) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "controlled-substance-record-required",
                    "record lot, amount given, wasted and witness before discharge");
        }
        if (command.completedAt().isBefore(stoppedAt.plus(Duration.ofMinutes(protocol().vitalSigns().dischargeObservationMinutes())))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "observation-period",
                    "observe at least " + protocol().vitalSigns().dischargeObservationMinutes() + " min after the infusion ends");
        }
        requireTakenBetween(command.dischargeVitals(), stoppedAt, command.completedAt(), "discharge vitals");
        SessionRules.requireDischargeable(command.dischargeVitals(), command.escortConfirmed(), protocol());
        apply(new SessionCompletedEvent(courseId(), patientId(), sessionId(), clinicId(), command.dischargeVitals(), null,
                command.completedAt()));
    }

    /** Ends the session without a discharge; a running infusion is stopped first with what ran. */
    @CommandHandler
    void handle(AbortInfusionSessionCommand command) {
        requireNotEnded();
        SessionRules.requireNoteForOther(command.reason() == AbortReason.OTHER, command.note(), "abort-needs-note");
        String note = stripped(command.note());
        if (status == Status.INFUSING || status == Status.HELD) {
            if (command.mgGiven() == null) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "abort-needs-mg-given",
                        "the infusion is running: say how many mg ran before it was stopped");
            }
            apply(administered(command.mgGiven(), command.at(), StopReason.SESSION_ABORTED, note));
        }
        apply(new SessionAbortedEvent(courseId(), patientId(), sessionId(), clinicId(), Modality.IV_KETAMINE, command.reason(), note,
                command.at()));
    }

    private InfusionAdministeredEvent administered(BigDecimal given, Instant at, StopReason reason, String note) {
        if (given.compareTo(doseMg) > 0) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "more-than-dosed", given + " mg is more than the " + doseMg + " mg dose");
        }
        if (at.isBefore(began())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "stop-before-start", "the infusion started at " + began());
        }
        return new InfusionAdministeredEvent(courseId(), patientId(), sessionId(), clinicId(), began(), at, given, mgPerKg, weightKg,
                cadenceMissed(at), reason, note);
    }

    /**
     * Intervals between consecutive readings (from the start to the stop) longer than the
     * protocol()'s cadence, in the order the readings were taken: a late-charted reading fills the
     * gap it was taken in.
     */
    private int cadenceMissed(Instant stop) {
        List<Instant> times = Stream.concat(Stream.of(began(), stop),
                readingTimes.values().stream().filter(t -> t.isAfter(began()) && t.isBefore(stop))).sorted().toList();
        Duration cadence = Duration.ofMinutes(protocol().vitalSigns().everyMinutes());
        int missed = 0;
        for (int i = 1; i < times.size(); i++) {
            if (Duration.between(times.get(i - 1), times.get(i)).compareTo(cadence) > 0) {
                missed++;
            }
        }
        return missed;
    }

    private void requireRunning() {
        if (status != Status.INFUSING && status != Status.HELD) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "not-infusing", "no infusion is running in session " + sessionId());
        }
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
        if (o instanceof InfusionSession other) {
            return sameSession(other) && Objects.equals(doseMg, other.doseMg) && Objects.equals(mgPerKg, other.mgPerKg)
                    && Objects.equals(weightKg, other.weightKg) && Objects.equals(status, other.status)
                    && Objects.equals(heldAt, other.heldAt) && Objects.equals(stoppedAt, other.stoppedAt)
                    && Objects.equals(mgGiven, other.mgGiven)
                    && controlledSubstanceRecorded == other.controlledSubstanceRecorded
                    && Objects.equals(readingTimes, other.readingTimes)
                    && Objects.equals(charted, other.charted);
        }
        return false;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    Set<String> chartedBy(long sequence) {
        return charted.getOrDefault(sequence, Set.of());
    }

    @Override
    void requirePlausible(Amendment corrected, Instant now) {
        switch (corrected.entry()) {
            case Amendment.VITALS -> requireTakenBetween(corrected.vitals(), began().minus(Duration.ofMinutes(
                    protocol().vitalSigns().preStartMaxAgeMinutes())), endedOr(now), "the corrected reading");
            case Amendment.STOP_TIME -> {
                Instant latest = endedOr(now);
                if (corrected.stoppedAt().isBefore(began()) || corrected.stoppedAt().isAfter(latest)) {
                    throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "stop-time", "the infusion stopped between its start "
                            + began() + " and " + latest);
                }
            }
            case Amendment.CONTROLLED_SUBSTANCE -> {
                if (corrected.givenMg().compareTo(doseMg) > 0) {
                    throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "more-than-dosed",
                            corrected.givenMg() + " mg is more than the " + doseMg + " mg dose");
                }
            }
            default -> {
                // a weight is bounded where it is entered
            }
        }
    }

    @EventSourcingHandler
    void on(SessionVitalsRecordedEvent event, @SequenceNumber long sequence) {
        readingTimes.put(sequence, event.vitals().takenAt());
        charted.put(sequence, Set.of(Amendment.VITALS));
    }

    /** The course's state from now on uses the correction; the original stays in the stream. */
    @EventSourcingHandler
    void on(EntryAmendedEvent event) {
        Amendment corrected = event.corrected();
        switch (corrected.entry()) {
            case Amendment.WEIGHT -> weightKg = corrected.weightKg();
            case Amendment.VITALS -> readingTimes.computeIfPresent(event.amends(), (sequence, takenAt) -> corrected.vitals().takenAt());
            case Amendment.STOP_TIME -> stoppedAt = corrected.stoppedAt();
            default -> {
                // the controlled-substance record is read from the events, not kept here
            }
        }
    }

    @EventSourcingHandler
    void on(DoseHeldEvent event) {
        status = Status.HELD;
        heldAt = event.at();
    }

    @EventSourcingHandler
    void on(InfusionResumedEvent event) {
        status = Status.INFUSING;
    }

    @EventSourcingHandler
    void on(InfusionAdministeredEvent event, @SequenceNumber long sequence) {
        charted.put(sequence, Set.of(Amendment.STOP_TIME));
        status = Status.OBSERVING;
        stoppedAt = event.stoppedAt();
        mgGiven = event.mgGiven();
    }

    @EventSourcingHandler
    void on(ControlledSubstanceRecordedEvent event, @SequenceNumber long sequence) {
        charted.put(sequence, Set.of(Amendment.CONTROLLED_SUBSTANCE));
        controlledSubstanceRecorded = true;
    }

    @EventSourcingHandler
    void on(SessionCompletedEvent event) {
        status = Status.COMPLETED;
        end(event.completedAt());
    }

    @EventSourcingHandler
    void on(SessionAbortedEvent event) {
        status = Status.ABORTED;
        end(event.at());
    }
}
