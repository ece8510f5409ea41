package org.carecourse.billing.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.carecourse.billing.account.api.AccountEvents;
import org.carecourse.billing.charge.api.ChargeLine;
import org.carecourse.billing.invoice.api.InvoiceEvents;
import org.carecourse.billing.invoice.api.InvoiceLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's tables, kept from the accounts' and invoices' events in the transaction that stores
 * them (a subscribing processor): a balance read right after a payment includes it, and a charge a
 * draft claims is on the draft at once.
 */
@Component
@ProcessingGroup("billing-ledger")
class LedgerProjection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    LedgerProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountEvents.CoverageSet event) {
        jdbc.sql("""
                        insert into coverage (patient_id, payer, insured) values (?, ?, ?::jsonb)
                        on conflict (patient_id) do update set payer = excluded.payer, insured = excluded.insured""")
                .params(event.patientId(), event.payer().code(), event.insured() == null ? null : JSON.writeValueAsString(event.insured()))
                .update();
    }

    @EventHandler
    void on(AccountEvents.ChargePosted event) {
        jdbc.sql("""
                        insert into charge (charge_id, patient_id, clinic_id, service_date, kind, currency, amount, covered_by_package,
                            source, source_id, schedule_version, lines, posted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(event.chargeId(), event.patientId(), event.clinicId(), event.serviceDate(), event.kind().code(), event.currency(),
                        event.amount(), event.coveredByPackageId(), event.source(), event.sourceId(), event.scheduleVersion(),
                        JSON.writeValueAsString(event.lines().toArray(ChargeLine[]::new)), at(event.at()))
                .update();
    }

    @EventHandler
    void on(AccountEvents.ChargeVoided event) {
        jdbc.sql("update charge set voided_at = ?, void_reason = ? where charge_id = ?")
                .params(at(event.at()), event.reason().code(), event.chargeId()).update();
    }

    @EventHandler
    void on(AccountEvents.PackagePurchased event) {
        jdbc.sql("""
                        insert into package (package_id, patient_id, clinic_id, charge_id, kind, credits, credits_left, currency, price,
                            credit_value, expires_on, purchased_at, status)
                        values (?, ?, ?, ?, 'induction-package', ?, ?, ?, ?, ?, ?, ?, 'active')""")
                .params(event.packageId(), event.patientId(), event.clinicId(), event.chargeId(), event.credits(), event.credits(),
                        event.currency(), event.price(), event.creditValue(), event.expiresOn(), at(event.at()))
                .update();
    }

    @EventHandler
    void on(AccountEvents.CreditConsumed event) {
        jdbc.sql("""
                        insert into credit_consumption (charge_id, package_id, patient_id, sold_at, delivered_at, service_date, currency,
                            value, consumed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.chargeId(), event.packageId(), event.patientId(), event.soldAtClinicId(), event.deliveredAtClinicId(),
                        event.serviceDate(), event.currency(), event.value(), at(event.at()))
                .update();
        jdbc.sql("update package set credits_left = ?, status = case when ? = 0 then 'used-up' else status end where package_id = ?")
                .params(event.creditsLeft(), event.creditsLeft(), event.packageId()).update();
    }

    @EventHandler
    void on(AccountEvents.PackageExpired event) {
        jdbc.sql("update package set status = 'expired', expired_value = ?, credits_left = 0, ended_at = ? where package_id = ?")
                .params(event.value(), at(event.at()), event.packageId()).update();
    }

    @EventHandler
    void on(AccountEvents.PackageRefunded event) {
        jdbc.sql("update package set status = 'refunded', refunded_value = ?, credits_left = 0, ended_at = ? where package_id = ?")
                .params(event.value(), at(event.at()), event.packageId()).update();
    }

    @EventHandler
    void on(AccountEvents.ChargesClaimed event) {
        for (UUID chargeId : event.chargeIds()) {
            jdbc.sql("update charge set invoice_id = ? where charge_id = ?").params(event.invoiceId(), chargeId).update();
        }
    }

    @EventHandler
    void on(AccountEvents.ChargesReleased event) {
        jdbc.sql("update charge set invoice_id = null where invoice_id = ?").param(event.invoiceId()).update();
    }

    @EventHandler
    void on(InvoiceEvents.Drafted event) {
        jdbc.sql("""
                        insert into invoice (invoice_id, patient_id, clinic_id, status, currency, total, drafted_at)
                        values (?, ?, ?, 'draft', ?, ?, ?)""")
                .params(event.invoiceId(), event.patientId(), event.clinicId(), event.currency(), event.total(), at(event.at()))
                .update();
        for (InvoiceLine line : event.lines()) {
            jdbc.sql("""
                            insert into invoice_line (invoice_id, charge_id, kind, service_date, amount, covered_by_package)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(event.invoiceId(), line.chargeId(), line.kind().code(), line.serviceDate(), line.amount(),
                            line.coveredByPackageId())
                    .update();
        }
    }

    @EventHandler
    void on(InvoiceEvents.Issued event) {
        jdbc.sql("update invoice set status = 'issued', number = ?, issued_on = ?, due_on = ? where invoice_id = ?")
                .params(event.number(), event.issuedOn(), event.dueOn(), event.invoiceId()).update();
    }

    @EventHandler
    void on(InvoiceEvents.Discarded event) {
        jdbc.sql("update invoice set status = 'discarded' where invoice_id = ?").param(event.invoiceId()).update();
    }

    @EventHandler
    void on(InvoiceEvents.PaymentReceived event) {
        jdbc.sql("""
                        insert into payment (payment_id, invoice_id, patient_id, clinic_id, method, reference, currency, amount, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.paymentId(), event.invoiceId(), event.patientId(), event.clinicId(), event.method().code(),
                        event.reference(), event.currency(), event.amount(), at(event.at()))
                .update();
        jdbc.sql("update invoice set paid = paid + ? where invoice_id = ?").params(event.amount(), event.invoiceId()).update();
        cash(event.paymentId(), event.clinicId(), event.patientId(), "in", event.method().code(), event.currency(), event.amount(),
                event.at());
    }

    @EventHandler
    void on(InvoiceEvents.RefundIssued event) {
        jdbc.sql("""
                        insert into refund (refund_id, payment_id, invoice_id, patient_id, clinic_id, currency, amount, reason, refunded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.refundId(), event.paymentId(), event.invoiceId(), event.patientId(), event.clinicId(), event.currency(),
                        event.amount(), event.reason(), at(event.at()))
                .update();
        jdbc.sql("update invoice set refunded = refunded + ? where invoice_id = ?").params(event.amount(), event.invoiceId()).update();
        String method = jdbc.sql("select method from payment where payment_id = ?").param(event.paymentId()).query(String.class).single();
        cash(event.refundId(), event.clinicId(), event.patientId(), "out", method, event.currency(), event.amount(), event.at());
    }

    @EventHandler
    void on(InvoiceEvents.CreditNoteIssued event) {
        jdbc.sql("""
                        insert into credit_note (credit_note_id, invoice_id, patient_id, clinic_id, currency, amount, reason, note, issued_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.creditNoteId(), event.invoiceId(), event.patientId(), event.clinicId(), event.currency(), event.amount(),
                        event.reason().code(), event.note(), at(event.at()))
                .update();
        jdbc.sql("update invoice set credited = credited + ? where invoice_id = ?").params(event.amount(), event.invoiceId()).update();
    }

    private void cash(UUID movementId, UUID clinicId, UUID patientId, String direction, String method, String currency,
            java.math.BigDecimal amount, Instant at) {
        jdbc.sql("""
                        insert into cash_movement (movement_id, clinic_id, patient_id, direction, method, currency, amount, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(movementId, clinicId, patientId, direction, method, currency, amount, at(at)).update();
    }

    private static Timestamp at(Instant at) {
        return Timestamp.from(at);
    }
}
