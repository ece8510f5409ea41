package org.carecourse.scheduling.clinic.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.carecourse.servicekit.domain.Coded;

/** What a chair or room can be used for. */
public enum Capability implements Coded {
    IV_INFUSION("iv-infusion"),
    SPRAVATO_OBSERVATION("spravato-observation"),
    CONSULT("consult");

    private final String code;

    Capability(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Capability fromCode(String code) {
        return Coded.parse(values(), code, "capability");
    }
}
