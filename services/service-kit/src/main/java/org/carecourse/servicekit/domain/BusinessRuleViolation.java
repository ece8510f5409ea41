package org.carecourse.servicekit.domain;

import java.util.Map;

/**
 * An expected business refusal, thrown by aggregates. Free of web types so command code can use
 * it; the web layer maps it to problem+json naming the rule: 409 when it conflicts with current
 * state, 422 when the request breaks a rule, 403 when the rule is who may decide it.
 */
public class BusinessRuleViolation extends RuntimeException {

    public enum Kind { CONFLICT, UNPROCESSABLE, FORBIDDEN }

    private final String rule;
    private final Kind kind;
    private final Map<String, Object> details;

    public BusinessRuleViolation(Kind kind, String rule, String message) {
        this(kind, rule, message, Map.of());
    }

    /** With {@code details}: extra problem members that help the caller, e.g. the conflicting id. */
    public BusinessRuleViolation(Kind kind, String rule, String message, Map<String, Object> details) {
        // A refusal is an answer, not a fault: its stack is never read, and a busy endpoint refuses often.
        super(message, null, false, false);
        this.kind = kind;
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }

    public String rule() {
        return rule;
    }

    public Kind kind() {
        return kind;
    }
}
