package org.carecourse.screening.eligibility;

import java.util.Map;

/**
 * A rule that fired, what it implies and the inputs it saw, so the decision can be explained
 * and audited. {@code effect} ELIGIBLE means the rule supports eligibility.
 */
public record FiredRule(String rule, Outcome effect, String explanation, Map<String, String> inputs) {

    public FiredRule {
        inputs = Map.copyOf(inputs);
    }
}
