package org.carecourse.screening.screeningcase.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the clinician decided after a safety alert. */
public enum SafetyDisposition implements Coded {
    CONTINUE_SCREENING("continue-screening"),
    OUTPATIENT_REFERRAL("outpatient-referral"),
    CRISIS_SERVICES("crisis-services"),
    EMERGENCY_SERVICES("emergency-services");

    private final String code;

    SafetyDisposition(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static SafetyDisposition fromCode(String code) {
        return Coded.parse(values(), code, "disposition");
    }
}
