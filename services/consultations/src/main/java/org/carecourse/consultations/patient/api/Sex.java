package org.carecourse.consultations.patient.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum Sex {
    FEMALE("female"), MALE("male"), OTHER("other"), UNKNOWN("unknown");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Sex fromCode(String code) {
        for (Sex s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sex: " + code);
    }
}
