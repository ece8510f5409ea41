package org.carecourse.contracts.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A prescriber signed an eligibility decision (the signer is the envelope's actor).
 * {@code outcome}: {@code eligible}, {@code needs-review} or {@code ineligible};
 * {@code modality}: {@code iv-ketamine}, {@code spravato} or {@code other-protocol}. An override
 * is flagged; its written reason stays in screening.
 */
public record EligibilityDecided(
        UUID decisionId,
        UUID caseId,
        @Size(max = FieldLimits.CODE) String modality,
        @Size(max = FieldLimits.CODE) String outcome,
        @Size(max = FieldLimits.CODE) String proposedOutcome,
        boolean overridden,
        int protocolVersion,
        LocalDate validUntil,
        @Size(max = FieldLimits.LIST) List<@Valid Score> scores,
        @Size(max = FieldLimits.LIST) List<@Valid Rule> rulesFired) implements EventPayload {

    public EligibilityDecided {
        scores = List.copyOf(scores);
        rulesFired = List.copyOf(rulesFired);
    }

    public record Score(
            @Size(max = FieldLimits.CODE) String instrument,
            int total,
            @Size(max = FieldLimits.CODE) String band) {
    }

    public record Rule(@Size(max = FieldLimits.CODE) String rule, @Size(max = FieldLimits.CODE) String effect) {
    }
}
