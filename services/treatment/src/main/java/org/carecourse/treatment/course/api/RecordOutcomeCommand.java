package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordOutcomeCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, int phq9, Instant at) {
}
