package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A prescriber decides to continue a held course despite the decision that held it, and says why. */
public record LiftCourseHoldCommand(@TargetAggregateIdentifier UUID courseId, String reason, String by, Instant at) {
}
