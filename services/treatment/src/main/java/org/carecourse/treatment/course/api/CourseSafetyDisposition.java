package org.carecourse.treatment.course.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.carecourse.servicekit.domain.Coded;

/** What the prescriber decided after a safety alert during a course. */
public enum CourseSafetyDisposition implements Coded {
    CONTINUE_TREATMENT("continue-treatment"),
    OUTPATIENT_REFERRAL("outpatient-referral"),
    CRISIS_SERVICES("crisis-services"),
    EMERGENCY_SERVICES("emergency-services");

    private final String code;

    CourseSafetyDisposition(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static CourseSafetyDisposition fromCode(String code) {
        return Coded.parse(values(), code, "safety disposition");
    }
}
