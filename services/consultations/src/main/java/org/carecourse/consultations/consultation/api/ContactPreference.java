package org.carecourse.consultations.consultation.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the prospective patient wants to be contacted about their consultation. */
public enum ContactPreference implements Coded {
    PHONE("phone"), SMS("sms"), EMAIL("email");

    private final String code;

    ContactPreference(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ContactPreference fromCode(String code) {
        return Coded.parse(values(), code, "contact preference");
    }
}
