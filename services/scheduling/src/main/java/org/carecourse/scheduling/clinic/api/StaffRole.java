package org.carecourse.scheduling.clinic.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The clinical role a staff member is scheduled in: who sees a consult, who monitors a treatment. */
public enum StaffRole implements Coded {
    NURSE("nurse"),
    PRESCRIBER("prescriber");

    private final String code;

    StaffRole(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static StaffRole fromCode(String code) {
        return Coded.parse(values(), code, "staff role");
    }
}
