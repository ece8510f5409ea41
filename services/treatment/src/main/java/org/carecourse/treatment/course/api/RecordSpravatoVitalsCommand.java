package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

/** A reading during a Spravato observation, charted at {@code recordedAt}. */
public record RecordSpravatoVitalsCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, Vitals vitals,
        Instant recordedAt) implements SpravatoSessionCommand {
}
