package org.carecourse.operations.dashboard.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** How the dashboard shows a figure: counts whole, money with two decimals, rates as percentages; none as a dash. */
final class Cells {

    static final String NONE = "—";

    private Cells() {
    }

    static Table.Cell count(BigDecimal value) {
        BigDecimal v = value == null ? BigDecimal.ZERO : value;
        return Table.Cell.number(NumberFormat.getIntegerInstance(Locale.US).format(v), v.stripTrailingZeros().toPlainString());
    }

    static Table.Cell count(long value) {
        return count(BigDecimal.valueOf(value));
    }

    static Table.Cell money(BigDecimal value) {
        BigDecimal v = (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP);
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return Table.Cell.number(format.format(v), v.toPlainString());
    }

    static Table.Cell rate(BigDecimal share) {
        return share == null ? Table.Cell.number(NONE, "") : Table.Cell.number(percent(share), share.toPlainString());
    }

    static Table.Cell hours(BigDecimal minutes) {
        BigDecimal h = (minutes == null ? BigDecimal.ZERO : minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
        return Table.Cell.number(h.toPlainString(), h.toPlainString());
    }

    static Table.Cell days(BigDecimal days) {
        return days == null ? Table.Cell.number(NONE, "") : Table.Cell.number(days.setScale(1, RoundingMode.HALF_UP).toPlainString(),
                days.toPlainString());
    }

    static String percent(BigDecimal share) {
        return share == null ? NONE : share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
