package org.carecourse.servicekit.domain;

/**
 * An expected business refusal, thrown by aggregates. Free of web types so command code can use
 * it; the web layer maps it to problem+json naming the rule: 409 when it conflicts with current
 * state, 422 when the request breaks a rule.
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
