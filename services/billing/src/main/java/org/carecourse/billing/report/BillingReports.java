package org.carecourse.billing.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.carecourse.billing.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The money reports. Each figure is read from the table that holds it, not derived from another
 * report, so the reconciliation identities compare independent sums: charges against invoice lines
 * and open charges; payments and refunds against the cash drawer; packages sold against credits
 * consumed, expired, refunded and still held. Days are the clinic's calendar days.
 */
@Component
public class BillingReports {

    private final JdbcClient jdbc;

    BillingReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Balance(UUID clinicId, String currency, BigDecimal invoicedBalance, BigDecimal openCharges, BigDecimal total) {
    }

    /** Per clinic and currency: what issued invoices still ask, what is charged but not yet invoiced, and both. */
    public List<Balance> balances(UUID patientId) {
        return jdbc.sql("""
                        with owed as (
                            select clinic_id, currency, total - credited - paid + refunded as invoiced, 0 as open
                            from invoice where patient_id = :patient and status = 'issued'
                            union all
                            select c.clinic_id, c.currency, 0, c.amount from charge c left join invoice i on i.invoice_id = c.invoice_id
                            where c.patient_id = :patient and c.voided_at is null and (i.status is null or i.status <> 'issued'))
                        select clinic_id, currency, sum(invoiced) as invoiced, sum(open) as open from owed
                        group by clinic_id, currency order by clinic_id, currency""")
                .param("patient", patientId)
                .query((rs, n) -> {
                    BigDecimal invoiced = Money.cents(rs.getBigDecimal("invoiced"));
                    BigDecimal open = Money.cents(rs.getBigDecimal("open"));
                    return new Balance(rs.getObject("clinic_id", UUID.class), rs.getString("currency"), invoiced, open, invoiced.add(open));
                })
                .list();
    }

    public record Aging(UUID clinicId, String currency, LocalDate asOf, BigDecimal days0to30, BigDecimal days31to60,
            BigDecimal days61to90, BigDecimal over90, BigDecimal creditBalances, BigDecimal receivable, int openInvoices) {
    }

    /**
     * What issued invoices of the clinic still asked at the end of {@code asOf}, by days since
     * issue; an invoice that owes the patient money (over-credited) is listed as a credit balance.
     */
    public List<Aging> aging(UUID clinicId, LocalDate asOf, ZoneId zone) {
        Timestamp end = Timestamp.from(asOf.plusDays(1).atStartOfDay(zone).toInstant());
        return jdbc.sql("""
                        with balance as (
                            select i.currency, :asOf - i.issued_on as age, i.total
                                - coalesce((select sum(amount) from credit_note n where n.invoice_id = i.invoice_id and n.issued_at < :end), 0)
                                - coalesce((select sum(amount) from payment p where p.invoice_id = i.invoice_id and p.received_at < :end), 0)
                                + coalesce((select sum(amount) from refund r where r.invoice_id = i.invoice_id and r.refunded_at < :end), 0)
                                as owed
                            from invoice i where i.clinic_id = :clinic and i.status = 'issued' and i.issued_on <= :asOf)
                        select currency,
                            coalesce(sum(owed) filter (where owed > 0 and age <= 30), 0) as d30,
                            coalesce(sum(owed) filter (where owed > 0 and age between 31 and 60), 0) as d60,
                            coalesce(sum(owed) filter (where owed > 0 and age between 61 and 90), 0) as d90,
                            coalesce(sum(owed) filter (where owed > 0 and age > 90), 0) as over90,
                            coalesce(sum(owed) filter (where owed < 0), 0) as credits,
                            coalesce(sum(owed), 0) as receivable,
                            count(*) filter (where owed <> 0) as open
                        from balance group by currency order by currency""")
                .param("asOf", asOf).param("end", end).param("clinic", clinicId)
                .query((rs, n) -> new Aging(clinicId, rs.getString("currency"), asOf, Money.cents(rs.getBigDecimal("d30")),
                        Money.cents(rs.getBigDecimal("d60")), Money.cents(rs.getBigDecimal("d90")), Money.cents(rs.getBigDecimal("over90")),
                        Money.cents(rs.getBigDecimal("credits")), Money.cents(rs.getBigDecimal("receivable")), rs.getInt("open")))
                .list();
    }

    public record Reconciliation(UUID clinicId, LocalDate from, LocalDate to, BigDecimal charges, BigDecimal invoiced,
            BigDecimal open, BigDecimal payments, BigDecimal refunds, BigDecimal cash, Map<String, BigDecimal> cashByMethod, BigDecimal creditsSold,
            BigDecimal creditsConsumed, BigDecimal creditsExpired, BigDecimal creditsRefunded, BigDecimal outstandingLiability,
            List<String> broken) {
    }

    /**
     * For the clinic and the service days {@code from}–{@code to}: charges (not voided) against what
     * issued invoices bill of them plus what is still open; payments less refunds received in the
     * range against the cash drawer (and its close by method); and, for the packages it sold in the range, their price against
     * the credits consumed, expired and refunded and the value still held. {@code broken} names each
     * identity that does not hold (empty when all do).
     */
    public Reconciliation reconcile(UUID clinicId, LocalDate from, LocalDate to, ZoneId zone) {
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        BigDecimal charges = sum("""
                select sum(amount) from charge where clinic_id = :clinic and voided_at is null and service_date between :from and :to""",
                clinicId, from, to, start, end);
        BigDecimal invoiced = sum("""
                select sum(l.amount) from invoice_line l join invoice i on i.invoice_id = l.invoice_id
                where i.clinic_id = :clinic and i.status = 'issued' and l.service_date between :from and :to""",
                clinicId, from, to, start, end);
        BigDecimal open = sum("""
                select sum(c.amount) from charge c left join invoice i on i.invoice_id = c.invoice_id
                where c.clinic_id = :clinic and c.voided_at is null and c.service_date between :from and :to
                    and (i.status is null or i.status <> 'issued')""", clinicId, from, to, start, end);
        BigDecimal payments = sum("select sum(amount) from payment where clinic_id = :clinic and received_at >= :start and received_at < :end",
                clinicId, from, to, start, end);
        BigDecimal refunds = sum("select sum(amount) from refund where clinic_id = :clinic and refunded_at >= :start and refunded_at < :end",
                clinicId, from, to, start, end);
        BigDecimal cash = sum("""
                select sum(case direction when 'in' then amount else -amount end) from cash_movement
                where clinic_id = :clinic and at >= :start and at < :end""", clinicId, from, to, start, end);
        // The drawer's close: net cash by how it came in (card, cash, check, external).
        Map<String, BigDecimal> cashByMethod = new TreeMap<>();
        jdbc.sql("""
                        select method, sum(case direction when 'in' then amount else -amount end) as net from cash_movement
                        where clinic_id = :clinic and at >= :start and at < :end group by method""")
                .param("clinic", clinicId).param("start", start).param("end", end)
                .query((rs, n) -> Map.entry(rs.getString("method"), Money.cents(rs.getBigDecimal("net")))).list()
                .forEach(method -> cashByMethod.put(method.getKey(), method.getValue()));
        String soldInRange = " clinic_id = :clinic and purchased_at >= :start and purchased_at < :end";
        BigDecimal sold = sum("select sum(price) from package where " + soldInRange, clinicId, from, to, start, end);
        BigDecimal consumed = sum("select sum(value) from credit_consumption where package_id in (select package_id from package where "
                + soldInRange + ")", clinicId, from, to, start, end);
        BigDecimal expired = sum("select sum(expired_value) from package where " + soldInRange, clinicId, from, to, start, end);
        BigDecimal refundedCredits = sum("select sum(refunded_value) from package where " + soldInRange, clinicId, from, to, start, end);
        // What the credits still held are worth, from the count left: every credit at its value, the last one at the remainder.
        BigDecimal outstanding = sum("""
                select sum(case when credits_left = 0 then 0
                    else (credits_left - 1) * credit_value + (price - credit_value * (credits - 1)) end)
                from package where """ + soldInRange, clinicId, from, to, start, end);
        List<String> broken = new java.util.ArrayList<>();
        if (charges.compareTo(invoiced.add(open)) != 0) {
            broken.add("charges = invoiced + open");
        }
        if (payments.subtract(refunds).compareTo(cash) != 0
                || cashByMethod.values().stream().reduce(Money.ZERO, BigDecimal::add).compareTo(cash) != 0) {
            broken.add("payments - refunds = cash");
        }
        if (sold.subtract(consumed).subtract(expired).subtract(refundedCredits).compareTo(outstanding) != 0) {
            broken.add("credits sold - consumed - expired - refunded = outstanding liability");
        }
        return new Reconciliation(clinicId, from, to, charges, invoiced, open, payments, refunds, cash, cashByMethod, sold, consumed, expired,
                refundedCredits, outstanding, broken);
    }

    public record Settlement(LocalDate from, LocalDate to, List<ClinicSettlement> clinics, List<Transfer> transfers) {
    }

    /** A clinic's packages sold, credits it delivered, and the net it is owed (positive) or owes (negative) the others. */
    public record ClinicSettlement(UUID clinicId, String currency, BigDecimal packagesSold, BigDecimal creditsDelivered,
            BigDecimal deliveredForOthers, BigDecimal deliveredByOthers, BigDecimal net) {
    }

    /** What the selling clinic owes the delivering clinic for credits delivered in the range. */
    public record Transfer(UUID owedBy, UUID owedTo, String currency, BigDecimal amount, int credits) {
    }

    /**
     * Credits consumed on service days {@code from}–{@code to}, and packages sold on those days of
     * the selling clinic's calendar, across the clinics the reader may see.
     */
    public Settlement settlement(LocalDate from, LocalDate to, Set<UUID> clinics) {
        if (clinics.isEmpty()) {
            return new Settlement(from, to, List.of(), List.of());
        }
        List<Transfer> transfers = jdbc.sql("""
                        select sold_at, delivered_at, currency, sum(value) as amount, count(*) as credits from credit_consumption
                        where service_date between :from and :to and sold_at <> delivered_at
                            and (sold_at in (:clinics) or delivered_at in (:clinics))
                        group by sold_at, delivered_at, currency order by sold_at, delivered_at""")
                .param("from", from).param("to", to).param("clinics", clinics)
                .query((rs, n) -> new Transfer(rs.getObject("sold_at", UUID.class), rs.getObject("delivered_at", UUID.class),
                        rs.getString("currency"), Money.cents(rs.getBigDecimal("amount")), rs.getInt("credits")))
                .list();
        List<ClinicSettlement> rows = jdbc.sql("""
                        with clinics as (select unnest(array[:clinics]::uuid[]) as clinic_id),
                        sold as (select p.clinic_id, p.currency, sum(p.price) as amount from package p
                                join clinic k on k.clinic_id = p.clinic_id
                            where (p.purchased_at at time zone k.time_zone)::date between :from and :to group by p.clinic_id, p.currency),
                        delivered as (select delivered_at as clinic_id, currency, sum(value) as amount,
                                sum(value) filter (where sold_at <> delivered_at) as for_others from credit_consumption
                            where service_date between :from and :to group by delivered_at, currency),
                        by_others as (select sold_at as clinic_id, currency, sum(value) as amount from credit_consumption
                            where service_date between :from and :to and sold_at <> delivered_at group by sold_at, currency),
                        currencies as (select clinic_id, currency from sold union select clinic_id, currency from delivered
                            union select clinic_id, currency from by_others)
                        select k.clinic_id, k.currency, coalesce(s.amount, 0) as sold, coalesce(d.amount, 0) as delivered,
                            coalesce(d.for_others, 0) as for_others, coalesce(b.amount, 0) as by_others
                        from currencies k join clinics c on c.clinic_id = k.clinic_id
                        left join sold s on s.clinic_id = k.clinic_id and s.currency = k.currency
                        left join delivered d on d.clinic_id = k.clinic_id and d.currency = k.currency
                        left join by_others b on b.clinic_id = k.clinic_id and b.currency = k.currency
                        order by k.clinic_id, k.currency""")
                .param("from", from).param("to", to).param("clinics", clinics)
                .query((rs, n) -> {
                    BigDecimal forOthers = Money.cents(rs.getBigDecimal("for_others"));
                    BigDecimal byOthers = Money.cents(rs.getBigDecimal("by_others"));
                    return new ClinicSettlement(rs.getObject("clinic_id", UUID.class), rs.getString("currency"),
                            Money.cents(rs.getBigDecimal("sold")), Money.cents(rs.getBigDecimal("delivered")), forOthers, byOthers,
                            forOthers.subtract(byOthers));
                })
                .list();
        return new Settlement(from, to, rows, transfers);
    }

    /** A sum over the clinic's range; each query names the parameters it needs, the rest are ignored. */
    private BigDecimal sum(String sql, UUID clinicId, LocalDate from, LocalDate to, Timestamp start, Timestamp end) {
        BigDecimal value = jdbc.sql(sql).params(Map.of("clinic", clinicId, "from", from, "to", to, "start", start, "end", end))
                .query(BigDecimal.class).optional().orElse(null);
        return Money.cents(value == null ? BigDecimal.ZERO : value);
    }
}
