package org.carecourse.billing.charge.api;

import java.math.BigDecimal;

/** One billed code of a charge; {@code ndc} and {@code mg} for drugs only. */
public record ChargeLine(String code, String modifier, int units, BigDecimal amount, String ndc, BigDecimal mg) {

    public static ChargeLine service(String code, int units, BigDecimal amount) {
        return new ChargeLine(code, null, units, amount, null, null);
    }
}
