package org.carecourse.consultations.consultation.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Conditions a consultation may be requested for, as a clinic's web form lists them. */
public enum Condition implements Coded {
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

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Condition fromCode(String code) {
        return Coded.parse(values(), code, "condition");
    }
}
