package org.carecourse.screening.eligibility;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An eligibility outcome, ordered from least to most restrictive. */
public enum Outcome {
    ELIGIBLE("eligible"), NEEDS_REVIEW("needs-review"), INELIGIBLE("ineligible");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Outcome fromCode(String code) {
        for (Outcome o : values()) {
            if (o.code.equals(code)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome: " + code);
    }
}
