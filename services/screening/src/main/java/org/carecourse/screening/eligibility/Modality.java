package org.carecourse.screening.eligibility;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The treatment an eligibility decision is for. */
public enum Modality {
    IV_KETAMINE("iv-ketamine"), SPRAVATO("spravato"), OTHER_PROTOCOL("other-protocol");

    private final String code;

    Modality(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Modality fromCode(String code) {
        for (Modality m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown modality: " + code);
    }
}
