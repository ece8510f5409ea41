package org.carecourse.billing.superbill;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A superbill: an itemised statement a patient sends their insurer to claim out-of-network
 * benefits. Its totals are the invoice's: charged, credited, paid (payments less refunds) and the
 * balance. The patient is named by id; their demographics stay with consultations.
 */
public record Superbill(UUID invoiceId, String invoiceNumber, LocalDate issuedOn, UUID patientId, BillingProfile clinic,
        List<String> diagnosisCodes, String currency, List<Line> lines, BigDecimal charged, BigDecimal credited, BigDecimal paid,
        BigDecimal balance) {

    /** One billed code on one day; {@code paidByPackage}: a package credit paid for the service. */
    public record Line(LocalDate serviceDate, String code, String modifier, int units, String ndc, BigDecimal mg, BigDecimal amount,
            boolean paidByPackage) {
    }
}
