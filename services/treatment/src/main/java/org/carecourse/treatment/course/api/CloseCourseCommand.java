package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseCourseCommand(@TargetAggregateIdentifier UUID courseId, Phase outcome, String reason, Instant at) {
}
