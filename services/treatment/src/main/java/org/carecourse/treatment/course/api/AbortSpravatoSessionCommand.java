package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The Spravato observation ends without a discharge (the patient left against advice, went to the ED, ...). */
public record AbortSpravatoSessionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, AbortReason reason, String note,
        Instant at) implements SpravatoSessionCommand {
}
