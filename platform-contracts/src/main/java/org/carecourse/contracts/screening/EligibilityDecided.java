package org.carecourse.contracts.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/**
 * A prescriber signed an eligibility decision (the signer is the envelope's actor).
 * {@code outcome}: {@code eligible}, {@code needs-review} or {@code ineligible};
 * {@code modality}: {@code iv-ketamine}, {@code spravato} or {@code other-protocol}. An override
 * is flagged; its written reason stays in screening.
 */
public record EligibilityDecided(UUID decisionId, UUID caseId, String modality, String outcome, String proposedOutcome,
        boolean overridden, int protocolVersion, LocalDate validUntil, List<Score> scores, List<Rule> rulesFired)
        implements EventPayload {

    public EligibilityDecided {
        scores = List.copyOf(scores);
        rulesFired = List.copyOf(rulesFired);
    }

    public record Score(String instrument, int total, String band) {
    }

    public record Rule(String rule, String effect) {
    }
}
