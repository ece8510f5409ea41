package org.carecourse.billing.account.command;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/** What the account remembers of a charge: enough to void it, claim it, or refuse either. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class AccountCharge {

    UUID clinicId;
    String currency;
    BigDecimal amount;
    /** The package this charge sold, if it sold one. */
    UUID packageId;
    /** The package whose credit paid for it, if one did. */
    UUID coveredBy;
    UUID invoiceId;
    boolean voided;

    boolean open() {
        return !voided && invoiceId == null;
    }

    /** By value: Axon's test fixture compares the state a command left with the state its events rebuild. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AccountCharge other && java.util.Objects.equals(clinicId, other.clinicId) && java.util.Objects.equals(currency, other.currency) && java.util.Objects.equals(amount, other.amount) && java.util.Objects.equals(packageId, other.packageId) && java.util.Objects.equals(coveredBy, other.coveredBy) && java.util.Objects.equals(invoiceId, other.invoiceId) && java.util.Objects.equals(voided, other.voided);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(clinicId, currency, amount, packageId, coveredBy, invoiceId, voided);
    }
}
