package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResolveSafetyAlertCommand(@TargetAggregateIdentifier UUID courseId, UUID alertId, String safetyPlan,
        CourseSafetyDisposition disposition, String by, Instant at) {
}
