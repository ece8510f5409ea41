package org.carecourse.billing.account.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum VoidReason implements Coded {
    POSTED_IN_ERROR("posted-in-error"),
    WAIVED("waived"),
    DUPLICATE("duplicate"),
    /** Replaced by a charge priced from an amended session entry. */
    AMENDED("amended");

    private final String code;

    VoidReason(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static VoidReason fromCode(String code) {
        return Coded.parse(values(), code, "void reason");
    }
}
