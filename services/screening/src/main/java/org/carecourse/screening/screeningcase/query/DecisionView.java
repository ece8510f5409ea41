package org.carecourse.screening.screeningcase.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

public record DecisionView(UUID decisionId, String modality, String outcome, String proposedOutcome, String overrideReason,
        JsonNode rulesFired, JsonNode scores, int protocolVersion, LocalDate validUntil, Instant signedAt, String signedBy) {

    /** What the front desk may see to book a patient: the outcome and its dates, not the clinical reasoning. */
    public DecisionView withoutClinicalDetail() {
        return new DecisionView(decisionId, modality, outcome, null, null, null, null, protocolVersion, validUntil, signedAt,
                signedBy);
    }
}
