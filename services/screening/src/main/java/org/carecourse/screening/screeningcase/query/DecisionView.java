package org.carecourse.screening.screeningcase.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

public record DecisionView(UUID decisionId, String modality, String outcome, String proposedOutcome, String overrideReason,
        JsonNode rulesFired, JsonNode scores, int protocolVersion, LocalDate validUntil, Instant signedAt, String signedBy) {
}
