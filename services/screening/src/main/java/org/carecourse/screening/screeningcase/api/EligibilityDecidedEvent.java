package org.carecourse.screening.screeningcase.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.instruments.InstrumentScore;
import org.carecourse.instruments.Modality;
import org.carecourse.screening.eligibility.FiredRule;
import org.carecourse.screening.eligibility.Outcome;

/** The signed decision, citing the scores, the rules that fired and the protocol version used. */
@Revision("1")
public record EligibilityDecidedEvent(UUID caseId, UUID decisionId, UUID patientId, UUID clinicId, Modality modality,
        Outcome proposedOutcome, Outcome outcome, String overrideReason, List<FiredRule> rulesFired,
        List<InstrumentScore> scores, int protocolVersion, LocalDate validUntil, Instant signedAt) {

    public boolean overridden() {
        return proposedOutcome != outcome;
    }
}
