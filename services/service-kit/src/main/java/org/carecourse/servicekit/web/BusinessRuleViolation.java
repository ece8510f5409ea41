package org.carecourse.servicekit.web;

/**
 * An expected business refusal, thrown by aggregates and mapped to problem+json naming the
 * rule: 409 when it conflicts with current state, 422 when the request breaks a rule.
 */
public class BusinessRuleViolation extends RuntimeException {

    public enum Kind { CONFLICT, UNPROCESSABLE }

    private final String rule;
    private final Kind kind;

    public BusinessRuleViolation(Kind kind, String rule, String message) {
        super(message);
        this.kind = kind;
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    public Kind kind() {
        return kind;
    }
}
