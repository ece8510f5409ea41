package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StopInfusionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, BigDecimal mgGiven, StopReason reason,
        String note, Instant stoppedAt) implements InfusionSessionCommand {
}
