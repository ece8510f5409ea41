package org.carecourse.treatment.course.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.carecourse.servicekit.domain.Coded;

/** Where a course stands: induction, then maintenance (boosters), then closed. */
public enum Phase implements Coded {
    INDUCTION("induction"), MAINTENANCE("maintenance"), COMPLETED("completed"), DISCONTINUED("discontinued");

    private final String code;

    Phase(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Phase fromCode(String code) {
        return Coded.parse(values(), code, "phase");
    }
}
