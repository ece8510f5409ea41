package org.carecourse.billing.invoice.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a payment reached the clinic; {@code external} names a processor's or payer's reference. */
public enum PaymentMethod implements Coded {
    CARD("card"),
    CASH("cash"),
    CHECK("check"),
    EXTERNAL("external");

    private final String code;

    PaymentMethod(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PaymentMethod fromCode(String code) {
        return Coded.parse(values(), code, "payment method");
    }
}
