package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitRemsFormCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, String confirmation, Instant submittedAt)
        implements SpravatoSessionCommand {
}
