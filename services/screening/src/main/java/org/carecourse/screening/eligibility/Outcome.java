package org.carecourse.screening.eligibility;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An eligibility outcome, ordered from least to most restrictive. */
public enum Outcome implements Coded {
    ELIGIBLE("eligible"), NEEDS_REVIEW("needs-review"), INELIGIBLE("ineligible");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Outcome fromCode(String code) {
        return Coded.parse(values(), code, "outcome");
    }
}
