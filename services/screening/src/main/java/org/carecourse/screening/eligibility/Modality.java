package org.carecourse.screening.eligibility;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The treatment an eligibility decision is for. */
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
