package org.carecourse.billing.invoice.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.carecourse.billing.charge.api.ChargeKind;

/** A charge as its invoice shows it: frozen when the invoice is drafted. */
public record InvoiceLine(UUID chargeId, ChargeKind kind, LocalDate serviceDate, BigDecimal amount, UUID coveredByPackageId) {
}
