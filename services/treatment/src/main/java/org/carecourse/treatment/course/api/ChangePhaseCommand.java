package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Induction → maintenance, maintenance → re-induction (after a relapse, with a reason), re-induction → maintenance. */
public record ChangePhaseCommand(@TargetAggregateIdentifier UUID courseId, Phase to, String reason, Instant at) {
}
