package org.carecourse.treatment.course.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.carecourse.servicekit.domain.Coded;

/** The treatment a course gives. */
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
