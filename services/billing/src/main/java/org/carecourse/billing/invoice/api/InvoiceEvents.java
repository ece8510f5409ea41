package org.carecourse.billing.invoice.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** What happened to an invoice; one stream per invoice, chained for tamper evidence. */
public final class InvoiceEvents {

    private InvoiceEvents() {
    }

    @Revision("1")
    public record Drafted(UUID invoiceId, UUID patientId, UUID clinicId, String currency, List<InvoiceLine> lines, BigDecimal total,
            Instant at) {

        public Drafted {
            lines = List.copyOf(lines);
        }
    }

    @Revision("1")
    public record Issued(UUID invoiceId, UUID patientId, UUID clinicId, String number, String currency, BigDecimal total,
            LocalDate issuedOn, LocalDate dueOn, List<UUID> chargeIds, Instant at) {

        public Issued {
            chargeIds = List.copyOf(chargeIds);
        }
    }

    @Revision("1")
    public record Discarded(UUID invoiceId, UUID patientId, UUID clinicId, Instant at) {
    }

    /** {@code reference}: the card processor's, check number or payer's reference; never card data. */
    @Revision("1")
    public record PaymentReceived(UUID invoiceId, UUID patientId, UUID clinicId, UUID paymentId, PaymentMethod method,
            String reference, String currency, BigDecimal amount, Instant at) {
    }

    @Revision("1")
    public record RefundIssued(UUID invoiceId, UUID patientId, UUID clinicId, UUID refundId, UUID paymentId, String currency,
            BigDecimal amount, String reason, Instant at) {
    }

    @Revision("1")
    public record CreditNoteIssued(UUID invoiceId, UUID patientId, UUID clinicId, UUID creditNoteId, String currency,
            BigDecimal amount, CreditNoteReason reason, String note, Instant at) {
    }
}
