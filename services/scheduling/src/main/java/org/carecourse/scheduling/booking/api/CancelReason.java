package org.carecourse.scheduling.booking.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum CancelReason implements Coded {
    PATIENT_REQUEST("patient-request"),
    CLINIC_REQUEST("clinic-request"),
    ILLNESS("illness"),
    TRANSPORT("transport"),
    OTHER("other");

    private final String code;

    CancelReason(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static CancelReason fromCode(String code) {
        return Coded.parse(values(), code, "cancellation reason");
    }
}
