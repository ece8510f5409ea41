package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A screening event about the course's patient, entered once per source event with its provenance;
 * the course acts on it: a decision renews or holds the course, an alert holds it until followed up.
 * Exactly one of {@code eligibility} and {@code alert} is set.
 */
public record RecordScreeningFactCommand(@TargetAggregateIdentifier UUID courseId, UUID sourceEventId, String eventType,
        EligibilityRef eligibility, ScreeningAlert alert, Instant occurredAt) {

    /** A screening safety alert raised ({@code disposition} null) or followed up. */
    public record ScreeningAlert(UUID alertId, String trigger, String disposition) {
    }
}
