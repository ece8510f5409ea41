package org.carecourse.screening.eligibility;

import java.util.List;

/** What the rules propose: the most restrictive effect among the rules that fired, and all of them. */
public record EligibilityProposal(Outcome outcome, List<FiredRule> rulesFired) {

    public EligibilityProposal {
        rulesFired = List.copyOf(rulesFired);
    }
}
