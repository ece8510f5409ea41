package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The session ends without a discharge (the patient left, went to the ED, ...). If the infusion
 * is still running, {@code mgGiven} is what ran before it was stopped.
 */
public record AbortInfusionSessionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, AbortReason reason, String note,
        BigDecimal mgGiven, Instant at) implements InfusionSessionCommand {
}
