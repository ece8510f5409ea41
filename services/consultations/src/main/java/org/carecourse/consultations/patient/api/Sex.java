package org.carecourse.consultations.patient.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum Sex implements Coded {
    FEMALE("female"), MALE("male"), OTHER("other"), UNKNOWN("unknown");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Sex fromCode(String code) {
        return Coded.parse(values(), code, "sex");
    }
}
