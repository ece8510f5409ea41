package org.carecourse.billing.charge.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carecourse.billing.money.Money;

/**
 * A charge as the fee schedule prices it, before the patient's account decides whether a package
 * credit pays for it. Its amount is the sum of its lines.
 */
public record PricedCharge(ChargeKind kind, UUID clinicId, LocalDate serviceDate, String currency, int scheduleVersion,
        List<ChargeLine> lines) {

    public PricedCharge {
        lines = List.copyOf(lines);
    }

    public BigDecimal amount() {
        return lines.stream().map(ChargeLine::amount).reduce(Money.ZERO, BigDecimal::add);
    }
}
