package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

/** Discharge after an infusion: its stop, its Schedule III record and the observation period come first. */
public record CompleteInfusionSessionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, Vitals dischargeVitals,
        boolean escortConfirmed, Instant completedAt) implements InfusionSessionCommand {
}
