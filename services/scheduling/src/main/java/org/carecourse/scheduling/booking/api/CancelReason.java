package org.carecourse.scheduling.booking.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why an appointment was cancelled, and so whose cancellation it was: the clinic's own (asked by
 * the clinic, or its course closed or discontinued) or the patient's (any other reason). Only a
 * patient's late cancellation may carry a fee.
 */
public enum CancelReason implements Coded {
    PATIENT_REQUEST("patient-request", false),
    CLINIC_REQUEST("clinic-request", true),
    /** Set by scheduling itself when treatment closes or discontinues the appointment's course. */
    COURSE_CLOSED("course-closed", true),
    ILLNESS("illness", false),
    TRANSPORT("transport", false),
    OTHER("other", false);

    private final String code;
    private final boolean byClinic;

    CancelReason(String code, boolean byClinic) {
        this.code = code;
        this.byClinic = byClinic;
    }

    /** {@code clinic} or {@code patient}: whose cancellation it was. */
    public String cancelledBy() {
        return byClinic ? "clinic" : "patient";
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
