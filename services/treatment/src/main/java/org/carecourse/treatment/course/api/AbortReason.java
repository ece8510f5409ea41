package org.carecourse.treatment.course.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.carecourse.servicekit.domain.Coded;

/** Why a session ended before its discharge; {@code other} needs a note. */
public enum AbortReason implements Coded {
    PATIENT_LEFT("patient-left"),
    TRANSFERRED_TO_ED("transferred-to-ed"),
    ADVERSE_EVENT("adverse-event"),
    EQUIPMENT("equipment"),
    OTHER("other");

    private final String code;

    AbortReason(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static AbortReason fromCode(String code) {
        return Coded.parse(values(), code, "abort reason");
    }
}
