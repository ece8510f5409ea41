package org.carecourse.consultations.consultation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the prospective patient wants to be contacted about their consultation. */
public enum ContactPreference {
    PHONE("phone"), SMS("sms"), EMAIL("email");

    private final String code;

    ContactPreference(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ContactPreference fromCode(String code) {
        for (ContactPreference c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown contact preference: " + code);
    }
}
