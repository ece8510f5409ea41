package org.carecourse.billing.invoice.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.billing.account.api.AccountCommands;
import org.carecourse.billing.account.api.AccountEvents;
import org.carecourse.billing.charge.api.ChargeKind;
import org.carecourse.billing.clinic.ClinicDirectory;
import org.carecourse.billing.feeschedule.query.FeeSchedules;
import org.carecourse.billing.invoice.api.CreditNoteReason;
import org.carecourse.billing.invoice.api.InvoiceCommands;
import org.carecourse.billing.invoice.api.InvoiceLine;
import org.carecourse.billing.invoice.api.PaymentMethod;
import org.carecourse.billing.ledger.Ledger;
import org.carecourse.billing.money.Money;
import org.carecourse.billing.web.KeyedIds;
import org.carecourse.contracts.FieldLimits;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.idempotency.IdempotencyFilter;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices for billing staff at their clinics: drafted from the patient's open charges, issued
 * (numbered, then immutable), paid in part or whole, refunded, and corrected by credit notes. A
 * payment or refund must carry an {@code Idempotency-Key}.
 */
@RestController
@PreAuthorize("hasRole('billing')")
class InvoiceController {

    private final CommandDispatch commands;
    private final Ledger ledger;
    private final FeeSchedules fees;
    private final ClinicDirectory clinics;
    private final ReadAccess reads;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    InvoiceController(CommandDispatch commands, Ledger ledger, FeeSchedules fees, ClinicDirectory clinics, ReadAccess reads,
            TransactionTemplate transactions, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.ledger = ledger;
        this.fees = fees;
        this.clinics = clinics;
        this.reads = reads;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record DraftBody(@NotNull UUID clinicId) {
    }

    /** Claims every open charge of the patient at the clinic, in the clinic's currency, in one transaction with the draft. */
    @PostMapping("/api/patients/{patientId}/invoices")
    ResponseEntity<Ledger.Invoice> draft(@PathVariable UUID patientId, @Valid @RequestBody DraftBody body,
            @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(body.clinicId());
        Instant now = clock.instant();
        String currency = fees.inForce(body.clinicId(), now.atZone(clinics.requireZone(body.clinicId())).toLocalDate()).schedule()
                .currency();
        UUID invoiceId = KeyedIds.optional(key, "invoice", patientId);
        transactions.executeWithoutResult(status -> {
            commands.sendAs(staff, body.clinicId(),
                    new AccountCommands.ClaimOpenCharges(patientId, invoiceId, body.clinicId(), currency));
            // The ledger marked the claimed charges in this transaction: one read gives them all.
            List<InvoiceLine> lines = ledger.claimedBy(invoiceId).stream()
                    .map(c -> new InvoiceLine(c.chargeId(), ChargeKind.fromCode(c.kind()), c.serviceDate(), c.amount(),
                            c.coveredByPackageId()))
                    .toList();
            commands.sendAs(staff, body.clinicId(), new InvoiceCommands.Draft(invoiceId, patientId, body.clinicId(), currency,
                    lines, now));
        });
        return ResponseEntity.status(HttpStatus.CREATED).body(ledger.invoice(invoiceId).orElseThrow());
    }

    @GetMapping("/api/invoices/{invoiceId}")
    Ledger.Invoice get(@PathVariable UUID invoiceId) {
        StaffMember staff = StaffMember.current();
        Ledger.Invoice invoice = atOwnClinic(staff, invoiceId);
        reads.scoped(staff, new ReadAccess.Subject("billing-invoice", invoiceId, invoice.patientId(), invoice.clinicId()), null);
        return ledger.invoice(invoiceId).orElseThrow();
    }

    @GetMapping("/api/patients/{patientId}/invoices")
    List<Ledger.Invoice> invoices(@PathVariable UUID patientId) {
        StaffMember staff = StaffMember.current();
        reads.scoped(staff, ReadAccess.Subject.patient("billing-invoices", patientId, null), null);
        return ledger.invoices(patientId).stream().filter(i -> staff.clinics().contains(i.clinicId())).toList();
    }

    /** Numbers the invoice and fixes its due date by the clinic's payment terms on the day it is issued. */
    @PostMapping("/api/invoices/{invoiceId}/issue")
    Ledger.Invoice issue(@PathVariable UUID invoiceId) {
        StaffMember staff = StaffMember.current();
        Ledger.Invoice invoice = atOwnClinic(staff, invoiceId);
        Instant now = clock.instant();
        LocalDate today = now.atZone(clinics.requireZone(invoice.clinicId())).toLocalDate();
        int terms = fees.inForce(invoice.clinicId(), today).schedule().paymentTermsDays();
        String number = invoice.number() != null ? invoice.number()
                : "INV-%06d".formatted(jdbc.sql("select nextval('invoice_number')").query(Long.class).single());
        send(staff, invoice, new InvoiceCommands.Issue(invoiceId, number, today, today.plusDays(terms), now));
        return ledger.invoice(invoiceId).orElseThrow();
    }

    /** A draft given up: its charges are open again. */
    @PostMapping("/api/invoices/{invoiceId}/discard")
    Ledger.Invoice discard(@PathVariable UUID invoiceId) {
        StaffMember staff = StaffMember.current();
        Ledger.Invoice invoice = atOwnClinic(staff, invoiceId);
        transactions.executeWithoutResult(status -> {
            send(staff, invoice, new InvoiceCommands.Discard(invoiceId, clock.instant()));
            send(staff, invoice, new AccountCommands.ReleaseCharges(invoice.patientId(), invoiceId));
        });
        return ledger.invoice(invoiceId).orElseThrow();
    }

    record PaymentBody(@NotNull @DecimalMin("0.01") @DecimalMax(Money.MAX) @Digits(integer = 7, fraction = 2) BigDecimal amount,
            @NotNull PaymentMethod method,
            @Size(max = FieldLimits.CODE) @Pattern(regexp = "[\\x21-\\x7E ]*", message = "printable characters only") String reference) {
    }

    @PostMapping("/api/invoices/{invoiceId}/payments")
    ResponseEntity<Ledger.Invoice> pay(@PathVariable UUID invoiceId, @Valid @RequestBody PaymentBody body,
            @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        UUID paymentId = KeyedIds.required(key, "payment", invoiceId);
        StaffMember staff = StaffMember.current();
        Ledger.Invoice invoice = atOwnClinic(staff, invoiceId);
        send(staff, invoice, new InvoiceCommands.RecordPayment(invoiceId, paymentId, body.method(),
                strippedOrNull(body.reference()), body.amount(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ledger.invoice(invoiceId).orElseThrow());
    }

    record RefundBody(@NotNull UUID paymentId,
            @NotNull @DecimalMin("0.01") @DecimalMax(Money.MAX) @Digits(integer = 7, fraction = 2) BigDecimal amount,
            @Size(max = FieldLimits.NOTE) String reason) {
    }

    @PostMapping("/api/invoices/{invoiceId}/refunds")
    ResponseEntity<Ledger.Invoice> refund(@PathVariable UUID invoiceId, @Valid @RequestBody RefundBody body,
            @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        UUID refundId = KeyedIds.required(key, "refund", invoiceId);
        StaffMember staff = StaffMember.current();
        Ledger.Invoice invoice = atOwnClinic(staff, invoiceId);
        send(staff, invoice, new InvoiceCommands.IssueRefund(invoiceId, refundId, body.paymentId(), body.amount(),
                strippedOrNull(body.reason()), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ledger.invoice(invoiceId).orElseThrow());
    }

    record CreditNoteBody(@NotNull @DecimalMin("0.01") @DecimalMax(Money.MAX) @Digits(integer = 7, fraction = 2) BigDecimal amount,
            @NotNull CreditNoteReason reason, @Size(max = FieldLimits.NOTE) String note) {
    }

    @PostMapping("/api/invoices/{invoiceId}/credit-notes")
    ResponseEntity<Ledger.Invoice> credit(@PathVariable UUID invoiceId, @Valid @RequestBody CreditNoteBody body,
            @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        StaffMember staff = StaffMember.current();
        Ledger.Invoice invoice = atOwnClinic(staff, invoiceId);
        send(staff, invoice, new InvoiceCommands.IssueCreditNote(invoiceId, KeyedIds.optional(key, "credit-note", invoiceId),
                body.amount(), body.reason(), strippedOrNull(body.note()), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ledger.invoice(invoiceId).orElseThrow());
    }

    /**
     * The package's unused credits are credited on the invoice that charged it, in one transaction
     * with the package's refund; paying the money back is a refund of the payment, recorded apart.
     */
    @PostMapping("/api/packages/{packageId}/refund")
    Ledger.Package refundPackage(@PathVariable UUID packageId,
            @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        StaffMember staff = StaffMember.current();
        Ledger.Package held = ledger.findPackage(packageId).orElseThrow(() -> new NotFoundException("no package " + packageId));
        staff.requireClinic(held.clinicId());
        Instant now = clock.instant();
        UUID creditNoteId = KeyedIds.optional(key, "package-refund", packageId);
        transactions.executeWithoutResult(status -> {
            AccountEvents.PackageRefunded refunded = commands.sendAs(staff, held.clinicId(),
                    new AccountCommands.RefundPackage(held.patientId(), packageId, creditNoteId, now));
            commands.sendAs(staff, held.clinicId(), new InvoiceCommands.IssueCreditNote(refunded.invoiceId(), creditNoteId,
                    refunded.value(), CreditNoteReason.PACKAGE_REFUND, null, now));
        });
        return ledger.findPackage(packageId).orElseThrow();
    }

    private static String strippedOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Ledger.Invoice atOwnClinic(StaffMember staff, UUID invoiceId) {
        Ledger.Invoice invoice = ledger.header(invoiceId).orElseThrow(() -> new NotFoundException("no invoice " + invoiceId));
        staff.requireClinic(invoice.clinicId());
        return invoice;
    }

    private void send(StaffMember staff, Ledger.Invoice invoice, Object command) {
        commands.sendAs(staff, invoice.clinicId(), command);
    }
}
