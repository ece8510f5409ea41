package org.carecourse.billing.invoice.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What billing staff do with an invoice. */
public final class InvoiceCommands {

    private InvoiceCommands() {
    }

    /** The charges the patient's account let this draft claim, with their amounts. */
    public record Draft(@TargetAggregateIdentifier UUID invoiceId, UUID patientId, UUID clinicId, String currency,
            List<InvoiceLine> lines, Instant at) {
    }

    public record Issue(@TargetAggregateIdentifier UUID invoiceId, String number, LocalDate issuedOn, LocalDate dueOn, Instant at) {
    }

    public record Discard(@TargetAggregateIdentifier UUID invoiceId, Instant at) {
    }

    public record RecordPayment(@TargetAggregateIdentifier UUID invoiceId, UUID paymentId, PaymentMethod method, String reference,
            BigDecimal amount, Instant at) {
    }

    public record IssueRefund(@TargetAggregateIdentifier UUID invoiceId, UUID refundId, UUID paymentId, BigDecimal amount,
            String reason, Instant at) {
    }

    public record IssueCreditNote(@TargetAggregateIdentifier UUID invoiceId, UUID creditNoteId, BigDecimal amount,
            CreditNoteReason reason, String note, Instant at) {
    }
}
