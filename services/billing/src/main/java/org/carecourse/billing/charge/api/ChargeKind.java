package org.carecourse.billing.charge.api;

import org.carecourse.servicekit.domain.Coded;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a charge is for; a package credit pays only for an IV infusion. */
public enum ChargeKind implements Coded {
    CONSULTATION("consultation"),
    IV_INFUSION("iv-infusion"),
    BOOSTER("booster"),
    SPRAVATO_SESSION("spravato-session"),
    INDUCTION_PACKAGE("induction-package"),
    NO_SHOW_FEE("no-show-fee"),
    LATE_CANCEL_FEE("late-cancel-fee");

    private final String code;

    ChargeKind(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ChargeKind fromCode(String code) {
        return Coded.parse(values(), code, "charge kind");
    }

    public boolean payableByPackageCredit() {
        return this == IV_INFUSION;
    }

    /** Whether the charge is for care a claim can carry (a superbill lists only these). */
    public boolean clinicalService() {
        return this != INDUCTION_PACKAGE && this != NO_SHOW_FEE && this != LATE_CANCEL_FEE;
    }
}
