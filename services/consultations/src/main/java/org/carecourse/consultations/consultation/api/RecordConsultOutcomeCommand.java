package org.carecourse.consultations.consultation.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordConsultOutcomeCommand(@TargetAggregateIdentifier UUID consultationId, ConsultOutcome outcome,
        String reason, Instant completedAt) {
}
