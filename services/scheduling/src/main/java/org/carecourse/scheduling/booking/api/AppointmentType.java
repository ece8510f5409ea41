package org.carecourse.scheduling.booking.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.carecourse.scheduling.clinic.api.Capability;
import org.carecourse.servicekit.domain.Coded;

/** What an appointment is for, and so the kind of chair or room it needs. */
public enum AppointmentType implements Coded {
    CONSULT("consult", Capability.CONSULT),
    IV_INFUSION("iv-infusion", Capability.IV_INFUSION),
    BOOSTER("booster", Capability.IV_INFUSION),
    SPRAVATO("spravato", Capability.SPRAVATO_OBSERVATION);

    private final String code;
    private final Capability needs;

    AppointmentType(String code, Capability needs) {
        this.code = code;
        this.needs = needs;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public Capability needs() {
        return needs;
    }

    @JsonCreator
    public static AppointmentType fromCode(String code) {
        return Coded.parse(values(), code, "appointment type");
    }
}
