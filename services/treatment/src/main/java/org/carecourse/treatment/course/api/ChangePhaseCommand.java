package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangePhaseCommand(@TargetAggregateIdentifier UUID courseId, Phase to, String reason, Instant at) {
}
