package org.carecourse.treatment.course.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.axonframework.modelling.command.EntityId;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.Amendment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * What every session of a course has: where and when it began, the protocol it is judged by,
 * and whether it has ended (discharged or aborted). Infusion and Spravato sessions add their own
 * life cycles.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
abstract class CourseSession {

    @EntityId
    private UUID sessionId;
    private UUID courseId;
    private UUID patientId;
    private UUID clinicId;
    private TreatmentProtocol protocol;
    private Instant began;
    private Instant endedAt;

    CourseSession() {
        // for snapshots
    }

    CourseSession(UUID sessionId, UUID courseId, UUID patientId, UUID clinicId, TreatmentProtocol protocol, Instant began) {
        this.sessionId = sessionId;
        this.courseId = courseId;
        this.patientId = patientId;
        this.clinicId = clinicId;
        this.protocol = protocol;
        this.began = began;
    }

    /** The entries (e.g. {@code weight}, {@code vitals}) the event at this sequence number charted; empty if none. */
    abstract Set<String> chartedBy(long sequence);

    /** Refuses corrected values the session could not have had. */
    abstract void requirePlausible(Amendment corrected, Instant now);

    UUID sessionId() {
        return sessionId;
    }

    UUID courseId() {
        return courseId;
    }

    UUID patientId() {
        return patientId;
    }

    UUID clinicId() {
        return clinicId;
    }

    TreatmentProtocol protocol() {
        return protocol;
    }

    Instant began() {
        return began;
    }

    /** The discharge or abort; null while the session is in progress. */
    Instant ended() {
        return endedAt;
    }

    /** The end of the part of the session a reading or correction may fall in: its end, or now. */
    Instant endedOr(Instant now) {
        return endedAt != null ? endedAt : now;
    }

    void end(Instant at) {
        endedAt = at;
    }

    void requireNotEnded() {
        if (endedAt != null) {
            throw SessionRules.ended(sessionId);
        }
    }

    /**
     * Reactions are often noticed at home: an adverse event's onset falls after the session began and
     * not after its report, which comes within the protocol's days after the session ended.
     */
    void requireReportable(Instant onsetAt, Instant reportedAt) {
        if (onsetAt.isBefore(began) || onsetAt.isAfter(reportedAt)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "onset-outside-session",
                    "onset must be after the session began (" + began + ") and not in the future");
        }
        Duration window = Duration.ofDays(protocol.adverseEvents().reportingDays());
        if (endedAt != null && reportedAt.isAfter(endedAt.plus(window))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "adverse-event-reporting-window", "adverse events of a session are "
                    + "reported within " + window.toDays() + " days after it ended (" + endedAt + ")");
        }
    }

    /**
     * A correction says why, names an event that charted an entry of this session, corrects an
     * entry that event charted, and a value the session could have had.
     */
    void requireAmendable(long amends, Amendment corrected, String reason, Instant at) {
        if (SessionRules.blank(reason)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "amendment-needs-reason", "say why the entry is corrected");
        }
        Set<String> charted = chartedBy(amends);
        if (charted.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "not-a-charted-entry", "event " + amends
                    + " charted nothing of session " + sessionId + " that can be amended");
        }
        if (!charted.contains(corrected.entry())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "amendment-entry", "event " + amends + " charted "
                    + String.join(" and ", new TreeSet<>(charted)) + ", not " + corrected.entry());
        }
        requirePlausible(corrected, at);
    }

    /** The shared part of the state equality Axon's test fixture checks (sourced state = state after the command). */
    boolean sameSession(CourseSession other) {
        return Objects.equals(sessionId, other.sessionId) && Objects.equals(courseId, other.courseId)
                && Objects.equals(patientId, other.patientId) && Objects.equals(clinicId, other.clinicId)
                && Objects.equals(protocol, other.protocol) && Objects.equals(began, other.began)
                && Objects.equals(endedAt, other.endedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, endedAt);
    }
}
