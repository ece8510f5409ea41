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
    UUID invoiceId;
    boolean voided;

    boolean open() {
        return !voided && invoiceId == null;
    }
}
