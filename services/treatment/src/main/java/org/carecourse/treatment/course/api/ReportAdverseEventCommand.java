package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReportAdverseEventCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, String type, String severity,
        String action, Instant at) {
}
