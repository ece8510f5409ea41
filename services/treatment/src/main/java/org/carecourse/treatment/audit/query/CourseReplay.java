package org.carecourse.treatment.audit.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carecourse.servicekit.axon.MetadataKeys;
import org.carecourse.treatment.course.api.AdverseEventReportedEvent;
import org.carecourse.treatment.course.api.Amendment;
import org.carecourse.treatment.course.api.CourseClosedEvent;
import org.carecourse.treatment.course.api.CourseHeldEvent;
import org.carecourse.treatment.course.api.CourseHoldLiftedEvent;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.CourseTransferredEvent;
import org.carecourse.treatment.course.api.EntryAmendedEvent;
import org.carecourse.treatment.course.api.ExternalFactRecordedEvent;
import org.carecourse.treatment.course.api.InfusionAdministeredEvent;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.carecourse.treatment.course.api.PhaseChangedEvent;
import org.carecourse.treatment.course.api.SafetyAlertRaisedEvent;
import org.carecourse.treatment.course.api.SafetyAlertResolvedEvent;
import org.carecourse.treatment.course.api.SessionAbortedEvent;
import org.carecourse.treatment.course.api.SessionCompletedEvent;
import org.carecourse.treatment.course.api.SpravatoSessionStartedEvent;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's view of a course, rebuilt from its event stream (never from read models): the
 * state as it stood at any instant, and the full timeline of who did what, where, and why.
 */
@Component
public class CourseReplay {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventStore eventStore;

    CourseReplay(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The course as it stood at {@code asOf}: every event up to and including that instant. */
    public CourseAsOf asOf(UUID courseId, Instant asOf) {
        CourseAsOf state = new CourseAsOf(courseId, asOf);
        events(courseId).stream().filter(e -> !e.getTimestamp().isAfter(asOf)).forEach(e -> state.apply(e.getPayload()));
        return state;
    }

    public List<TimelineEntry> timeline(UUID courseId) {
        return events(courseId).stream().map(e -> {
            Object payload = e.getPayload();
            String source = payload instanceof ExternalFactRecordedEvent fact
                    ? fact.sourceService() + " event " + fact.sourceEventId() : "treatment";
            return new TimelineEntry(e.getSequenceNumber(), e.getTimestamp(), payload.getClass().getSimpleName().replaceAll("Event$", ""),
                    (String) e.getMetaData().get(MetadataKeys.ACTOR_ID), (String) e.getMetaData().get(MetadataKeys.ACTOR_ROLE),
                    (String) e.getMetaData().get(MetadataKeys.CLINIC_ID), source, JSON.valueToTree(payload));
        }).toList();
    }

    private List<? extends DomainEventMessage<?>> events(UUID courseId) {
        // From sequence 0, never from a snapshot: readEvents(id) would start at the latest snapshot and
        // drop every earlier event from the auditor's history.
        return eventStore.readEvents(courseId.toString(), 0).asStream().toList();
    }

    public record TimelineEntry(long sequence, Instant at, String type, String actorId, String actorRole, String clinicId,
            String source, JsonNode change) {
    }

    /** Course state folded from its events up to an instant. */
    public static final class CourseAsOf {
        public final UUID courseId;
        public final Instant asOf;
        public int eventsApplied;
        public UUID patientId;
        public String modality;
        public String phase = "not-opened";
        public UUID clinicId;
        public final Set<UUID> clinicsVisited = new LinkedHashSet<>();
        public final Map<UUID, Map<String, Object>> sessions = new LinkedHashMap<>();
        public final List<Map<String, Object>> outcomes = new ArrayList<>();
        public final List<Map<String, Object>> adverseEvents = new ArrayList<>();
        public final Set<UUID> openSafetyAlerts = new LinkedHashSet<>();
        public String hold;
        public final List<Map<String, Object>> externalFacts = new ArrayList<>();

        CourseAsOf(UUID courseId, Instant asOf) {
            this.courseId = courseId;
            this.asOf = asOf;
        }

        void apply(Object event) {
            eventsApplied++;
            if (event instanceof CourseOpenedEvent e) {
                patientId = e.patientId();
                modality = e.modality().code();
                phase = "induction";
                clinicId = e.clinicId();
                clinicsVisited.add(e.clinicId());
            } else if (event instanceof CourseTransferredEvent e) {
                clinicId = e.toClinicId();
                clinicsVisited.add(e.toClinicId());
            } else if (event instanceof PhaseChangedEvent e) {
                phase = e.to().code();
            } else if (event instanceof CourseClosedEvent e) {
                phase = e.outcome().code();
            } else if (event instanceof InfusionSessionStartedEvent e) {
                sessions.put(e.sessionId(), new LinkedHashMap<>(Map.of("clinicId", e.clinicId(), "startedAt", e.startedAt(),
                        "doseMg", e.doseMg(), "weightKg", e.weightKg(), "status", "infusing")));
            } else if (event instanceof SpravatoSessionStartedEvent e) {
                sessions.put(e.sessionId(), new LinkedHashMap<>(Map.of("clinicId", e.clinicId(), "startedAt", e.dosedAt(),
                        "doseMg", e.doseMg(), "status", "observing")));
            } else if (event instanceof InfusionAdministeredEvent e) {
                sessions.get(e.sessionId()).putAll(Map.of("stoppedAt", e.stoppedAt(), "mgGiven", e.mgGiven(), "status", "observing"));
            } else if (event instanceof SessionCompletedEvent e) {
                sessions.get(e.sessionId()).putAll(Map.of("completedAt", e.completedAt(), "status", "completed"));
            } else if (event instanceof EntryAmendedEvent e) {
                Map<String, Object> session = sessions.get(e.sessionId());
                Amendment corrected = e.corrected();
                if (Amendment.WEIGHT.equals(corrected.entry())) {
                    session.put("weightKg", corrected.weightKg());
                } else if (Amendment.STOP_TIME.equals(corrected.entry())) {
                    session.put("stoppedAt", corrected.stoppedAt());
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> amendments = (List<Map<String, Object>>) session.computeIfAbsent("amendments",
                        key -> new ArrayList<Map<String, Object>>());
                amendments.add(Map.of("amends", e.amends(), "entry", corrected.entry(), "reason", e.reason(), "by", e.amendedBy(),
                        "at", e.at()));
            } else if (event instanceof SessionAbortedEvent e) {
                sessions.get(e.sessionId()).putAll(Map.of("abortedAt", e.at(), "status", "aborted", "abortReason", e.reason().code()));
            } else if (event instanceof AdverseEventReportedEvent e) {
                adverseEvents.add(new LinkedHashMap<>(Map.of("sessionId", e.sessionId(), "onsetAt", e.onsetAt(), "type", e.type(),
                        "severity", e.severity() != null ? e.severity().code() : e.severityAsRecorded(), "serious", e.serious(), "followUpRequired", e.followUpRequired())));
            } else if (event instanceof OutcomeRecordedEvent e) {
                Map<String, Object> outcome = new LinkedHashMap<>();
                outcome.put("at", e.at());
                outcome.put("instrument", e.instrument());
                outcome.put("score", e.score());
                outcome.put("baseline", e.baseline());
                outcome.put("response", e.response());
                outcome.put("remission", e.remission());
                outcome.put("futility", e.futility());
                outcomes.add(outcome);
            } else if (event instanceof SafetyAlertRaisedEvent e) {
                openSafetyAlerts.add(e.alertId());
            } else if (event instanceof SafetyAlertResolvedEvent e) {
                openSafetyAlerts.remove(e.alertId());
            } else if (event instanceof CourseHeldEvent e) {
                hold = e.reason();
            } else if (event instanceof CourseHoldLiftedEvent e) {
                hold = null;
            } else if (event instanceof ExternalFactRecordedEvent e) {
                externalFacts.add(Map.of("type", e.factType(), "source", e.sourceService(), "sourceEventId", e.sourceEventId(),
                        "facts", e.facts()));
            }
        }
    }
}
