package org.carecourse.consultations.consultation.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a request came from: staff at a clinic, or the public web form. */
public enum Channel implements Coded {
    STAFF("staff"), WEB("web");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Channel fromCode(String code) {
        return Coded.parse(values(), code, "channel");
    }
}
