package org.carecourse.consultations.consultation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Conditions a consultation may be requested for, as a clinic's web form lists them. */
public enum Condition {
    DEPRESSION("depression"),
    ANXIETY("anxiety"),
    PTSD("ptsd"),
    OCD("ocd"),
    BIPOLAR_DEPRESSION("bipolar-depression"),
    CHRONIC_PAIN("chronic-pain");

    private final String code;

    Condition(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Condition fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown condition: " + code));
    }
}
