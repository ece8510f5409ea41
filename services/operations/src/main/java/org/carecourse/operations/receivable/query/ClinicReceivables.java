package org.carecourse.operations.receivable.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.billing.CreditNoteIssued;
import org.carecourse.contracts.billing.InvoiceIssued;
import org.carecourse.contracts.billing.PaymentReceived;
import org.carecourse.contracts.billing.RefundIssued;
import org.carecourse.operations.clinic.ClinicDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each clinic's receivables by age (days since issue on the clinic's calendar: 0–30, 31–60, 61–90,
 * over 90), kept from billing's invoices, payments, refunds and credit notes. Billing's own aging
 * is the books; this is the cross-site view of it.
 */
@Component
public class ClinicReceivables {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicReceivables.class);

    private final JdbcClient jdbc;
    private final ClinicDirectory clinics;

    ClinicReceivables(JdbcClient jdbc, ClinicDirectory clinics) {
        this.jdbc = jdbc;
        this.clinics = clinics;
    }

    public void apply(IntegrationEvent<EventPayload> event) {
        EventPayload payload = event.payload();
        if (payload instanceof InvoiceIssued issued) {
            jdbc.sql("""
                            insert into invoice_balance (invoice_id, clinic_id, currency, issued_on, total) values (?, ?, ?, ?, ?)
                            on conflict (invoice_id) do nothing""")
                    .params(issued.invoiceId(), issued.clinicId(), issued.currency(), issued.issuedOn(), issued.total()).update();
        } else if (payload instanceof PaymentReceived payment) {
            change(payment.invoiceId(), "paid", payment.amount());
        } else if (payload instanceof RefundIssued refund) {
            change(refund.invoiceId(), "refunded", refund.amount());
        } else if (payload instanceof CreditNoteIssued note) {
            change(note.invoiceId(), "credited", note.amount());
        }
    }

    public record Aging(UUID clinicId, String currency, BigDecimal days0to30, BigDecimal days31to60, BigDecimal days61to90,
            BigDecimal over90, BigDecimal receivable) {
    }

    public List<Aging> of(List<UUID> clinicIds, Instant now) {
        return clinicIds.stream().flatMap(clinicId -> {
            LocalDate today = clinics.zone(clinicId).map(zone -> now.atZone(zone).toLocalDate()).orElse(null);
            return today == null ? java.util.stream.Stream.<Aging>empty() : jdbc.sql("""
                            with owed as (select currency, :today - issued_on as age, total - credited - paid + refunded as owed
                                from invoice_balance where clinic_id = :clinic)
                            select currency,
                                coalesce(sum(owed) filter (where owed > 0 and age <= 30), 0) as d30,
                                coalesce(sum(owed) filter (where owed > 0 and age between 31 and 60), 0) as d60,
                                coalesce(sum(owed) filter (where owed > 0 and age between 61 and 90), 0) as d90,
                                coalesce(sum(owed) filter (where owed > 0 and age > 90), 0) as over90,
                                coalesce(sum(owed), 0) as receivable
                            from owed group by currency order by currency""")
                    .param("today", today).param("clinic", clinicId)
                    .query((rs, n) -> new Aging(clinicId, rs.getString("currency"), rs.getBigDecimal("d30"), rs.getBigDecimal("d60"),
                            rs.getBigDecimal("d90"), rs.getBigDecimal("over90"), rs.getBigDecimal("receivable")))
                    .list().stream();
        }).toList();
    }

    /**
     * Billing publishes an invoice's issue before anything paid or credited on it, on the patient's
     * partition, so a movement on an invoice not seen issued breaks that order: it is logged, and
     * the day's money figures still count it.
     */
    private void change(UUID invoiceId, String column, BigDecimal amount) {
        int changed = jdbc.sql("update invoice_balance set " + column + " = " + column + " + ? where invoice_id = ?")
                .params(amount, invoiceId).update();
        if (changed == 0) {
            LOG.warn("{} of {} on invoice {}, which operations never saw issued; not in the receivables", column, amount, invoiceId);
        }
    }
}
