package org.carecourse.screening.screeningcase.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DocumentSafetyFollowUpCommand(@TargetAggregateIdentifier UUID caseId, UUID alertId, String safetyPlan,
        SafetyDisposition disposition, Instant documentedAt) {
}
