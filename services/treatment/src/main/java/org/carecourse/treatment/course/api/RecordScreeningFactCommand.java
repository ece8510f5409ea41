package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A screening event about the course's patient, entered once per source event with its provenance;
 * the course acts on it: a decision renews or holds the course, an alert holds it until followed up.
 * Exactly one of {@code eligibility} and {@code alert} is set.
 */
public record RecordScreeningFactCommand(@TargetAggregateIdentifier UUID courseId, UUID sourceEventId, String eventType,
        EligibilityRef eligibility, ScreeningAlert alert, Instant occurredAt) {

    /** What the course records of the event: the decision's outcome, modality and last valid day, or the alert and its trigger or follow-up. */
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        if (eligibility != null) {
            facts.put("outcome", eligibility.outcome());
            facts.put("modality", eligibility.modality());
            facts.put("validUntil", eligibility.validUntil().toString());
        } else {
            facts.put("alertId", alert.alertId().toString());
            facts.put(alert.disposition() == null ? "trigger" : "disposition", alert.disposition() == null ? alert.trigger()
                    : alert.disposition());
        }
        return facts;
    }

    /** A screening safety alert raised ({@code disposition} null) or followed up. */
    public record ScreeningAlert(UUID alertId, String trigger, String disposition) {
    }
}
