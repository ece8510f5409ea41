package org.carecourse.treatment.course.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.carecourse.servicekit.domain.Coded;

/**
 * Where a course stands: induction, then maintenance (boosters), with re-induction after a relapse
 * and back to maintenance, then closed.
 */
public enum Phase implements Coded {
    INDUCTION("induction"), MAINTENANCE("maintenance"), RE_INDUCTION("re-induction"), COMPLETED("completed"),
    DISCONTINUED("discontinued");

    public boolean open() {
        return this != COMPLETED && this != DISCONTINUED;
    }

    /** Induction and re-induction run a series of the plan's count within its window. */
    public boolean series() {
        return this == INDUCTION || this == RE_INDUCTION;
    }

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
