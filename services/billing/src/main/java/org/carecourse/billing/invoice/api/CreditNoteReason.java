package org.carecourse.billing.invoice.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why an issued invoice asks less. */
public enum CreditNoteReason implements Coded {
    BILLING_ERROR("billing-error"),
    GOODWILL("goodwill"),
    PACKAGE_REFUND("package-refund"),
    SERVICE_NOT_RENDERED("service-not-rendered");

    private final String code;

    CreditNoteReason(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static CreditNoteReason fromCode(String code) {
        return Coded.parse(values(), code, "credit note reason");
    }
}
