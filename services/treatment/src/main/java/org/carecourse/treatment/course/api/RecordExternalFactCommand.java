package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A fact from another service entering the course stream, with its provenance. */
public record RecordExternalFactCommand(@TargetAggregateIdentifier UUID courseId, String sourceService, UUID sourceEventId,
        String factType, Map<String, String> facts, Instant occurredAt) {
}
