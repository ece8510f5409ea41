package org.carecourse.billing.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.billing.charge.api.ChargeLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the ledger: a patient's charges, packages and invoices, and one invoice with what was paid against it. */
@Component
public class Ledger {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ChargeLine>> LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Charge(UUID chargeId, UUID patientId, UUID clinicId, LocalDate serviceDate, String kind, String currency,
            BigDecimal amount, UUID coveredByPackageId, String source, UUID sourceId, int scheduleVersion, List<ChargeLine> lines,
            Instant postedAt, UUID invoiceId, String status) {
    }

    public record Package(UUID packageId, UUID patientId, UUID clinicId, UUID chargeId, int credits, int creditsLeft, String currency,
            BigDecimal price, BigDecimal creditValue, LocalDate expiresOn, String status) {
    }

    public record Invoice(UUID invoiceId, UUID patientId, UUID clinicId, String number, String status, String currency,
            BigDecimal total, BigDecimal credited, BigDecimal paid, BigDecimal refunded, BigDecimal balance, LocalDate issuedOn,
            LocalDate dueOn, List<Charge> charges, List<Payment> payments, List<Refund> refunds, List<CreditNote> creditNotes) {
    }

    public record Payment(UUID paymentId, String method, String reference, BigDecimal amount, Instant receivedAt) {
    }

    public record Refund(UUID refundId, UUID paymentId, BigDecimal amount, String reason, Instant refundedAt) {
    }

    public record CreditNote(UUID creditNoteId, BigDecimal amount, String reason, Instant issuedAt) {
    }

    public List<Charge> charges(UUID patientId) {
        return jdbc.sql(CHARGES + " where c.patient_id = ? order by c.service_date, c.posted_at").param(patientId)
                .query(Ledger::charge).list();
    }

    public Optional<Charge> charge(UUID chargeId) {
        return jdbc.sql(CHARGES + " where c.charge_id = ?").param(chargeId).query(Ledger::charge).optional();
    }

    /** The charges an invoice (a draft included) has claimed, oldest first. */
    public List<Charge> claimedBy(UUID invoiceId) {
        return jdbc.sql(CHARGES + " where c.invoice_id = ? order by c.service_date, c.posted_at").param(invoiceId)
                .query(Ledger::charge).list();
    }

    public List<Package> packages(UUID patientId) {
        return jdbc.sql(PACKAGES + " where patient_id = ? order by purchased_at").param(patientId).query(Ledger::pkg).list();
    }

    public Optional<Package> findPackage(UUID packageId) {
        return jdbc.sql(PACKAGES + " where package_id = ?").param(packageId).query(Ledger::pkg).optional();
    }

    /** The invoice's header alone, for access checks before a command. */
    public Optional<Invoice> header(UUID invoiceId) {
        return jdbc.sql(INVOICES + " where invoice_id = ?").param(invoiceId)
                .query((rs, n) -> invoice(rs, List.of(), List.of(), List.of(), List.of())).optional();
    }

    /** The invoice with its charges, payments, refunds and credit notes; each read after the header, never inside its mapper. */
    public Optional<Invoice> invoice(UUID invoiceId) {
        return header(invoiceId).map(header -> {
            List<Charge> charges = jdbc.sql(CHARGES + " join invoice_line l on l.charge_id = c.charge_id and l.invoice_id = ?"
                    + " order by c.service_date, c.posted_at").param(invoiceId).query(Ledger::charge).list();
            List<Payment> payments = jdbc.sql("""
                            select payment_id, method, reference, amount, received_at from payment where invoice_id = ? order by received_at""")
                    .param(invoiceId).query((rs, n) -> new Payment(rs.getObject("payment_id", UUID.class), rs.getString("method"),
                            rs.getString("reference"), rs.getBigDecimal("amount"), rs.getTimestamp("received_at").toInstant())).list();
            List<Refund> refunds = jdbc.sql("""
                            select refund_id, payment_id, amount, reason, refunded_at from refund where invoice_id = ? order by refunded_at""")
                    .param(invoiceId).query((rs, n) -> new Refund(rs.getObject("refund_id", UUID.class), rs.getObject("payment_id", UUID.class),
                            rs.getBigDecimal("amount"), rs.getString("reason"), rs.getTimestamp("refunded_at").toInstant())).list();
            List<CreditNote> notes = jdbc.sql("""
                            select credit_note_id, amount, reason, issued_at from credit_note where invoice_id = ? order by issued_at""")
                    .param(invoiceId).query((rs, n) -> new CreditNote(rs.getObject("credit_note_id", UUID.class), rs.getBigDecimal("amount"),
                            rs.getString("reason"), rs.getTimestamp("issued_at").toInstant())).list();
            return new Invoice(header.invoiceId(), header.patientId(), header.clinicId(), header.number(), header.status(),
                    header.currency(), header.total(), header.credited(), header.paid(), header.refunded(), header.balance(),
                    header.issuedOn(), header.dueOn(), charges, payments, refunds, notes);
        });
    }

    public List<Invoice> invoices(UUID patientId) {
        return jdbc.sql(INVOICES + " where patient_id = ? order by drafted_at").param(patientId)
                .query((rs, n) -> invoice(rs, List.of(), List.of(), List.of(), List.of())).list();
    }

    private static final String CHARGES = """
            select c.charge_id, c.patient_id, c.clinic_id, c.service_date, c.kind, c.currency, c.amount, c.covered_by_package, c.source,
                c.source_id, c.schedule_version, c.lines, c.posted_at, c.invoice_id,
                case when c.voided_at is not null then 'voided' when c.invoice_id is null then 'open' else 'on-invoice' end as status
            from charge c""";

    private static final String PACKAGES = """
            select package_id, patient_id, clinic_id, charge_id, credits, credits_left, currency, price, credit_value, expires_on, status
            from package""";

    private static final String INVOICES = """
            select invoice_id, patient_id, clinic_id, number, status, currency, total, credited, paid, refunded, issued_on, due_on
            from invoice""";

    private static Charge charge(ResultSet rs, int n) throws SQLException {
        return new Charge(rs.getObject("charge_id", UUID.class), rs.getObject("patient_id", UUID.class), rs.getObject("clinic_id", UUID.class),
                rs.getObject("service_date", LocalDate.class), rs.getString("kind"), rs.getString("currency"), rs.getBigDecimal("amount"),
                rs.getObject("covered_by_package", UUID.class), rs.getString("source"), rs.getObject("source_id", UUID.class),
                rs.getInt("schedule_version"), JSON.readValue(rs.getString("lines"), LINES), rs.getTimestamp("posted_at").toInstant(),
                rs.getObject("invoice_id", UUID.class), rs.getString("status"));
    }

    private static Package pkg(ResultSet rs, int n) throws SQLException {
        return new Package(rs.getObject("package_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("clinic_id", UUID.class), rs.getObject("charge_id", UUID.class), rs.getInt("credits"),
                rs.getInt("credits_left"), rs.getString("currency"), rs.getBigDecimal("price"), rs.getBigDecimal("credit_value"),
                rs.getObject("expires_on", LocalDate.class), rs.getString("status"));
    }

    private static Invoice invoice(ResultSet rs, List<Charge> charges, List<Payment> payments, List<Refund> refunds,
            List<CreditNote> notes) throws SQLException {
        BigDecimal total = rs.getBigDecimal("total");
        BigDecimal credited = rs.getBigDecimal("credited");
        BigDecimal paid = rs.getBigDecimal("paid");
        BigDecimal refunded = rs.getBigDecimal("refunded");
        return new Invoice(rs.getObject("invoice_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("clinic_id", UUID.class), rs.getString("number"), rs.getString("status"), rs.getString("currency"), total,
                credited, paid, refunded, total.subtract(credited).subtract(paid).add(refunded), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), charges, payments, refunds, notes);
    }
}
