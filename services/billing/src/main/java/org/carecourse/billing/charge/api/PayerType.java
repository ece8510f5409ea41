package org.carecourse.billing.charge.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who the patient's claims go to: it decides how a Spravato session is coded (G2082/G2083 for Medicare, J0013 otherwise). */
public enum PayerType implements Coded {
    SELF_PAY("self-pay"),
    COMMERCIAL("commercial"),
    MEDICAID("medicaid"),
    MEDICARE("medicare");

    private final String code;

    PayerType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PayerType fromCode(String code) {
        return Coded.parse(values(), code, "payer type");
    }
}
