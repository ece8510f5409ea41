package org.carecourse.instruments;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The treatments the chain gives, in the clinical vocabulary screening and treatment share: what
 * an eligibility decision is for, and what a course gives. Codes are what events and APIs carry.
 */
public enum Modality implements Coded {
    IV_KETAMINE("iv-ketamine"), SPRAVATO("spravato"), OTHER_PROTOCOL("other-protocol");

    private final String code;

    Modality(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Modality fromCode(String code) {
        return Coded.parse(values(), code, "modality");
    }
}
