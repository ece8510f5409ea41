package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TransferCourseCommand(@TargetAggregateIdentifier UUID courseId, UUID toClinicId, String reason, Instant at) {
}
