package org.carecourse.treatment.course.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.AdverseEventReportedEvent;
import org.carecourse.treatment.course.api.AmendEntryCommand;
import org.carecourse.treatment.course.api.EntryAmendedEvent;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.ReportAdverseEventCommand;
import org.carecourse.treatment.course.api.SessionAbortedEvent;
import org.carecourse.treatment.course.api.SessionCompletedEvent;
import org.carecourse.treatment.course.api.SpravatoSessionStartedEvent;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * The course's sessions of both kinds (each an entity handling its own steps), the one in
 * progress, and what the next start is judged against: the last infusion's start and the Spravato
 * doses given. What names a session after the fact — an adverse event, a correction — is handled
 * here, for either kind.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class CourseSessions {

    private TreatmentProtocol protocol;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, InfusionSession> infusions = new HashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<UUID, SpravatoSession> spravatoSessions = new HashMap<>();
    private UUID inProgress;
    private Instant lastInfusionStart;
    private List<Instant> spravatoDoses = new ArrayList<>();

    CourseSessions() {
        // for snapshots
    }

    CourseSessions(TreatmentProtocol protocol) {
        this.protocol = protocol;
    }

    /**
     * Either kind of session, during it or up to the protocol's number of days after it ended:
     * reactions are often noticed at home. Serious or severe events are flagged for follow-up.
     */
    @CommandHandler
    void handle(ReportAdverseEventCommand command) {
        CourseSession session = sessionOf(command.sessionId());
        session.requireReportable(command.onsetAt(), command.reportedAt());
        apply(new AdverseEventReportedEvent(session.courseId(), session.patientId(), command.sessionId(), session.clinicId(),
                command.type().strip(), command.severity(), null, command.serious(),
                command.serious() || command.severity().needsFollowUp(), command.action().strip(), command.onsetAt(),
                command.reportedAt()));
    }

    /**
     * Corrects what a session's event charted (weight, a reading, the stop time, the Schedule III
     * record) with a reason; the correction cites the original, which stays in the history.
     */
    @CommandHandler
    void handle(AmendEntryCommand command) {
        CourseSession session = sessionOf(command.sessionId());
        session.requireAmendable(command.amends(), command.corrected(), command.reason(), command.at());
        apply(new EntryAmendedEvent(session.courseId(), session.patientId(), command.sessionId(), session.clinicId(),
                command.amends(), command.corrected(), command.reason().strip(), command.by(), command.at()));
    }

    /** A session starts, the course transfers or closes only when no session is in progress. */
    void requireNoneInProgress() {
        if (inProgress != null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "session-in-progress", "session " + inProgress
                    + " is still in progress: finish or abort it first");
        }
    }

    /**
     * An infusion's steps (stop, Schedule III record, post-infusion observation) never apply to a
     * Spravato session, nor the Spravato discharge to an infusion, which would skip all three.
     */
    void requireInfusion(UUID sessionId) {
        if (!infusions.containsKey(sessionId)) {
            throw spravatoSessions.containsKey(sessionId)
                    ? new BusinessRuleViolation(Kind.CONFLICT, "not-an-infusion-session", "session " + sessionId
                            + " is a Spravato session")
                    : noSuchSession(sessionId);
        }
    }

    void requireSpravato(UUID sessionId) {
        if (!spravatoSessions.containsKey(sessionId)) {
            throw infusions.containsKey(sessionId)
                    ? new BusinessRuleViolation(Kind.CONFLICT, "not-a-spravato-session", "session " + sessionId
                            + " is an IV infusion session")
                    : noSuchSession(sessionId);
        }
    }

    /** When the course's last infusion began; null before the first. */
    Instant lastInfusionStart() {
        return lastInfusionStart;
    }

    /** When each Spravato dose of the course was given, oldest first. */
    List<Instant> spravatoDoses() {
        return spravatoDoses;
    }

    private CourseSession sessionOf(UUID sessionId) {
        CourseSession session = infusions.containsKey(sessionId) ? infusions.get(sessionId) : spravatoSessions.get(sessionId);
        if (session == null) {
            throw noSuchSession(sessionId);
        }
        return session;
    }

    private static BusinessRuleViolation noSuchSession(UUID sessionId) {
        return new BusinessRuleViolation(Kind.CONFLICT, "no-such-session", "session " + sessionId + " is not a session of this course");
    }

    @EventSourcingHandler
    void on(InfusionSessionStartedEvent event, @SequenceNumber long sequence) {
        infusions.put(event.sessionId(), new InfusionSession(event, sequence, protocol));
        inProgress = event.sessionId();
        lastInfusionStart = event.startedAt();
    }

    @EventSourcingHandler
    void on(SpravatoSessionStartedEvent event) {
        spravatoSessions.put(event.sessionId(), new SpravatoSession(event, protocol));
        inProgress = event.sessionId();
        spravatoDoses.add(event.dosedAt());
    }

    @EventSourcingHandler
    void on(SessionCompletedEvent event) {
        inProgress = null;
    }

    @EventSourcingHandler
    void on(SessionAbortedEvent event) {
        inProgress = null;
    }
}
