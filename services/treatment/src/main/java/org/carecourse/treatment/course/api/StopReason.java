package org.carecourse.treatment.course.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.carecourse.servicekit.domain.Coded;

/**
 * Why an infusion was stopped: anything but {@code completed} may mean less than the planned dose
 * ran; {@code other} needs a note; {@code session-aborted} points to the abort's own reason.
 */
public enum StopReason implements Coded {
    COMPLETED("completed"),
    VITALS("vitals"),
    ADVERSE_EVENT("adverse-event"),
    PATIENT_REQUEST("patient-request"),
    EQUIPMENT("equipment"),
    OTHER("other"),
    SESSION_ABORTED("session-aborted");

    private final String code;

    StopReason(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static StopReason fromCode(String code) {
        return Coded.parse(values(), code, "stop reason");
    }
}
