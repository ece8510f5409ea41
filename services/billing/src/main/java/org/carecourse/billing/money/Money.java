package org.carecourse.billing.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts are {@link BigDecimal}s in a currency's minor unit (two decimals for USD). Every amount
 * that is computed (a per-credit value, a per-mg price times milligrams) is rounded once, half up,
 * where it is computed; amounts are then only added and subtracted, so totals always reconcile.
 */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    /** The largest amount one line, payment or refund may carry. */
    public static final String MAX = "1000000.00";

    private Money() {
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, ROUNDING);
    }

    public static boolean positive(BigDecimal amount) {
        return amount.signum() > 0;
    }
}
