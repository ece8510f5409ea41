package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An adverse event of a session, reported during it or up to the protocol's number of days after
 * it ended. {@code serious} is the regulatory definition (death, life-threatening, hospitalisation,
 * disability, ...), which the clinician judges; severity is the grade.
 */
public record ReportAdverseEventCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, String type,
        AdverseEventSeverity severity, boolean serious, String action, Instant onsetAt, Instant reportedAt) {
}
