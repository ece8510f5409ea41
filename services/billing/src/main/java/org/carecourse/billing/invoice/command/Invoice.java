package org.carecourse.billing.invoice.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.billing.invoice.api.InvoiceCommands;
import org.carecourse.billing.invoice.api.InvoiceEvents;
import org.carecourse.billing.invoice.api.InvoiceLine;
import org.carecourse.billing.money.Money;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;

/**
 * An invoice: drafted from the charges it claimed, then issued and from then on immutable — it
 * asks less only by a credit note. Payments, refunds and credit notes are kept against it; a
 * payment never takes it below zero, a refund never returns more than its payment took.
 */
@Aggregate
class Invoice {

    enum Status { DRAFT, ISSUED, DISCARDED }

    @AggregateIdentifier
    private UUID invoiceId;
    private UUID patientId;
    private UUID clinicId;
    private String currency;
    private Status status;
    private BigDecimal total;
    private BigDecimal credited = Money.ZERO;
    private BigDecimal paid = Money.ZERO;
    private BigDecimal refunded = Money.ZERO;
    private List<UUID> chargeIds;
    private final Map<UUID, Payment> payments = new LinkedHashMap<>();
    private final Map<UUID, BigDecimal> creditNotes = new LinkedHashMap<>();
    private final Set<UUID> refunds = new HashSet<>();

    private record Payment(BigDecimal amount, BigDecimal refunded, InvoiceEvents.PaymentReceived received) {
    }

    Invoice() {
        // for Axon
    }

    @CommandHandler
    Invoice(InvoiceCommands.Draft command) {
        BigDecimal sum = command.lines().stream().map(InvoiceLine::amount).reduce(Money.ZERO, BigDecimal::add);
        apply(new InvoiceEvents.Drafted(command.invoiceId(), command.patientId(), command.clinicId(), command.currency(),
                command.lines(), sum, command.at()));
    }

    /** Issuing an issued invoice again changes nothing. */
    @CommandHandler
    void handle(InvoiceCommands.Issue command) {
        if (status == Status.ISSUED) {
            return;
        }
        requireDraft("issue");
        apply(new InvoiceEvents.Issued(invoiceId, patientId, clinicId, command.number(), currency, total, command.issuedOn(),
                command.dueOn(), chargeIds, command.at()));
    }

    @CommandHandler
    void handle(InvoiceCommands.Discard command) {
        requireDraft("discard");
        apply(new InvoiceEvents.Discarded(invoiceId, patientId, clinicId, command.at()));
    }

    /** The same payment (by its id) again changes nothing; with another amount or method it is refused. */
    @CommandHandler
    void handle(InvoiceCommands.RecordPayment command) {
        Payment known = payments.get(command.paymentId());
        if (known != null) {
            if (known.amount().compareTo(command.amount()) != 0 || known.received().method() != command.method()) {
                throw new BusinessRuleViolation(Kind.CONFLICT, "payment-already-recorded",
                        "payment " + command.paymentId() + " is recorded with another amount or method");
            }
            return;
        }
        requireIssued("take a payment");
        BigDecimal due = balance();
        if (command.amount().compareTo(due) > 0) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "overpayment",
                    "the invoice's balance is " + due + " " + currency + "; " + command.amount() + " would overpay it",
                    Map.of("balance", due));
        }
        apply(new InvoiceEvents.PaymentReceived(invoiceId, patientId, clinicId, command.paymentId(), command.method(),
                command.reference(), currency, command.amount(), command.at()));
    }

    /** The same refund (by its id) again changes nothing. */
    @CommandHandler
    void handle(InvoiceCommands.IssueRefund command) {
        if (refunds.contains(command.refundId())) {
            return;
        }
        Payment payment = payments.get(command.paymentId());
        if (payment == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "unknown-payment", "no payment " + command.paymentId() + " on this invoice");
        }
        BigDecimal refundable = payment.amount().subtract(payment.refunded());
        if (command.amount().compareTo(refundable) > 0) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "refund-exceeds-payment",
                    "at most " + refundable + " " + currency + " of this payment can be refunded", Map.of("refundable", refundable));
        }
        apply(new InvoiceEvents.RefundIssued(invoiceId, patientId, clinicId, command.refundId(), command.paymentId(), currency,
                command.amount(), command.reason(), command.at()));
    }

    /** The same credit note (by its id) again changes nothing. */
    @CommandHandler
    void handle(InvoiceCommands.IssueCreditNote command) {
        if (creditNotes.containsKey(command.creditNoteId())) {
            return;
        }
        requireIssued("credit");
        BigDecimal creditable = total.subtract(credited);
        if (command.amount().compareTo(creditable) > 0) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "credit-exceeds-invoice",
                    "at most " + creditable + " " + currency + " of this invoice can still be credited", Map.of("creditable", creditable));
        }
        apply(new InvoiceEvents.CreditNoteIssued(invoiceId, patientId, clinicId, command.creditNoteId(), currency, command.amount(),
                command.reason(), command.note(), command.at()));
    }

    /** What the patient still owes on it (negative: what the clinic owes the patient). */
    private BigDecimal balance() {
        return total.subtract(credited).subtract(paid).add(refunded);
    }

    private void requireDraft(String action) {
        if (status != Status.DRAFT) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "invoice-not-draft",
                    "only a draft invoice can be changed; cannot " + action + " an invoice that is " + status.name().toLowerCase());
        }
    }

    private void requireIssued(String action) {
        if (status != Status.ISSUED) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "invoice-not-issued",
                    "cannot " + action + " on an invoice that is " + status.name().toLowerCase());
        }
    }

    @EventSourcingHandler
    void on(InvoiceEvents.Drafted event) {
        invoiceId = event.invoiceId();
        patientId = event.patientId();
        clinicId = event.clinicId();
        currency = event.currency();
        total = event.total();
        chargeIds = event.lines().stream().map(InvoiceLine::chargeId).toList();
        status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(InvoiceEvents.Issued event) {
        status = Status.ISSUED;
    }

    @EventSourcingHandler
    void on(InvoiceEvents.Discarded event) {
        status = Status.DISCARDED;
    }

    @EventSourcingHandler
    void on(InvoiceEvents.PaymentReceived event) {
        payments.put(event.paymentId(), new Payment(event.amount(), Money.ZERO, event));
        paid = paid.add(event.amount());
    }

    @EventSourcingHandler
    void on(InvoiceEvents.RefundIssued event) {
        Payment payment = payments.get(event.paymentId());
        payments.put(event.paymentId(), new Payment(payment.amount(), payment.refunded().add(event.amount()), payment.received()));
        refunded = refunded.add(event.amount());
        refunds.add(event.refundId());
    }

    @EventSourcingHandler
    void on(InvoiceEvents.CreditNoteIssued event) {
        creditNotes.put(event.creditNoteId(), event.amount());
        credited = credited.add(event.amount());
    }
}
