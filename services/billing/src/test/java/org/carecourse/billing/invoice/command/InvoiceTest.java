package org.carecourse.billing.invoice.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.billing.charge.api.ChargeKind;
import org.carecourse.billing.invoice.api.CreditNoteReason;
import org.carecourse.billing.invoice.api.InvoiceCommands;
import org.carecourse.billing.invoice.api.InvoiceEvents;
import org.carecourse.billing.invoice.api.InvoiceLine;
import org.carecourse.billing.invoice.api.PaymentMethod;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final UUID INVOICE = UUID.randomUUID();
    private static final UUID PATIENT = UUID.randomUUID();
    private static final UUID CLINIC = UUID.randomUUID();
    private static final UUID CHARGE = UUID.randomUUID();
    private static final UUID PAYMENT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-12T19:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-12");

    private AggregateTestFixture<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
    }

    @Test
    void aDraftTotalsItsLines() {
        List<InvoiceLine> lines = List.of(line(CHARGE, "450.00"), line(UUID.randomUUID(), "0.00"), line(UUID.randomUUID(), "75.00"));
        fixture.givenNoPriorActivity()
                .when(new InvoiceCommands.Draft(INVOICE, PATIENT, CLINIC, "USD", lines, NOW))
                .expectEvents(new InvoiceEvents.Drafted(INVOICE, PATIENT, CLINIC, "USD", lines, new BigDecimal("525.00"), NOW));
    }

    @Test
    void anIssuedInvoiceIsCorrectedOnlyByACreditNoteUpToWhatItStillAsks() {
        UUID note = UUID.randomUUID();
        fixture.given(drafted("450.00"), issued("450.00"))
                .when(new InvoiceCommands.IssueCreditNote(INVOICE, note, new BigDecimal("50.00"), CreditNoteReason.GOODWILL, null, NOW))
                .expectEvents(new InvoiceEvents.CreditNoteIssued(INVOICE, PATIENT, CLINIC, note, "USD", new BigDecimal("50.00"),
                        CreditNoteReason.GOODWILL, null, NOW));
        fixture.given(drafted("450.00"), issued("450.00"), new InvoiceEvents.CreditNoteIssued(INVOICE, PATIENT, CLINIC, note, "USD",
                        new BigDecimal("400.00"), CreditNoteReason.BILLING_ERROR, null, NOW))
                .when(new InvoiceCommands.IssueCreditNote(INVOICE, UUID.randomUUID(), new BigDecimal("50.01"), CreditNoteReason.GOODWILL, null,
                        NOW))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(Matchers.containsString("at most 50.00 USD"));
        fixture.given(drafted("450.00"))
                .when(new InvoiceCommands.IssueCreditNote(INVOICE, UUID.randomUUID(), BigDecimal.ONE, CreditNoteReason.GOODWILL, null, NOW))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(Matchers.containsString("draft"));
    }

    @Test
    void anIssuedInvoiceCannotBeDiscardedAndIssuingItAgainChangesNothing() {
        fixture.given(drafted("450.00"), issued("450.00"))
                .when(new InvoiceCommands.Discard(INVOICE, NOW))
                .expectException(BusinessRuleViolation.class);
        fixture.given(drafted("450.00"), issued("450.00"))
                .when(new InvoiceCommands.Issue(INVOICE, "INV-000002", TODAY, TODAY.plusDays(30), NOW))
                .expectNoEvents();
    }

    @Test
    void aPartialPaymentIsTakenAnOverpaymentIsRefusedAndTheSamePaymentTwiceIsRecordedOnce() {
        fixture.given(drafted("450.00"), issued("450.00"))
                .when(new InvoiceCommands.RecordPayment(INVOICE, PAYMENT, PaymentMethod.CARD, "ch_123", new BigDecimal("200.00"), NOW))
                .expectEvents(new InvoiceEvents.PaymentReceived(INVOICE, PATIENT, CLINIC, PAYMENT, PaymentMethod.CARD, "ch_123", "USD",
                        new BigDecimal("200.00"), NOW));
        fixture.given(drafted("450.00"), issued("450.00"), paid(PAYMENT, "200.00"))
                .when(new InvoiceCommands.RecordPayment(INVOICE, UUID.randomUUID(), PaymentMethod.CASH, null, new BigDecimal("250.01"), NOW))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(Matchers.containsString("balance is 250.00 USD"));
        fixture.given(drafted("450.00"), issued("450.00"), paid(PAYMENT, "200.00"))
                .when(new InvoiceCommands.RecordPayment(INVOICE, PAYMENT, PaymentMethod.CARD, "ch_123", new BigDecimal("200.00"), NOW))
                .expectNoEvents();
        fixture.given(drafted("450.00"))
                .when(new InvoiceCommands.RecordPayment(INVOICE, PAYMENT, PaymentMethod.CARD, null, BigDecimal.TEN, NOW))
                .expectException(BusinessRuleViolation.class);
    }

    @Test
    void aRefundReturnsAtMostWhatItsPaymentTookAndReopensTheBalance() {
        UUID refund = UUID.randomUUID();
        fixture.given(drafted("450.00"), issued("450.00"), paid(PAYMENT, "450.00"),
                        new InvoiceEvents.RefundIssued(INVOICE, PATIENT, CLINIC, refund, PAYMENT, "USD", new BigDecimal("400.00"), null, NOW))
                .when(new InvoiceCommands.IssueRefund(INVOICE, UUID.randomUUID(), PAYMENT, new BigDecimal("50.01"), null, NOW))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage(Matchers.containsString("at most 50.00 USD"));
        fixture.given(drafted("450.00"), issued("450.00"), paid(PAYMENT, "450.00"),
                        new InvoiceEvents.RefundIssued(INVOICE, PATIENT, CLINIC, refund, PAYMENT, "USD", new BigDecimal("100.00"), null, NOW))
                .when(new InvoiceCommands.RecordPayment(INVOICE, UUID.randomUUID(), PaymentMethod.CASH, null, new BigDecimal("100.00"), NOW))
                .expectSuccessfulHandlerExecution();
    }

    private static InvoiceLine line(UUID charge, String amount) {
        return new InvoiceLine(charge, ChargeKind.IV_INFUSION, TODAY, new BigDecimal(amount), null);
    }

    private static InvoiceEvents.Drafted drafted(String total) {
        return new InvoiceEvents.Drafted(INVOICE, PATIENT, CLINIC, "USD", List.of(line(CHARGE, total)), new BigDecimal(total), NOW);
    }

    private static InvoiceEvents.Issued issued(String total) {
        return new InvoiceEvents.Issued(INVOICE, PATIENT, CLINIC, "INV-000001", "USD", new BigDecimal(total), TODAY, TODAY.plusDays(30),
                List.of(CHARGE), NOW);
    }

    private static InvoiceEvents.PaymentReceived paid(UUID payment, String amount) {
        return new InvoiceEvents.PaymentReceived(INVOICE, PATIENT, CLINIC, payment, PaymentMethod.CARD, "ch_123", "USD",
                new BigDecimal(amount), NOW);
    }
}
