package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

/** A reading during or after an infusion, charted at {@code recordedAt}, possibly later than it was taken. */
public record RecordInfusionVitalsCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, Vitals vitals,
        Instant recordedAt) implements InfusionSessionCommand {
}
