package org.carecourse.billing.superbill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.billing.account.api.Insured;
import org.carecourse.billing.charge.api.ChargeKind;
import org.carecourse.billing.charge.api.PayerType;
import org.carecourse.billing.ledger.Ledger;
import org.carecourse.billing.money.Money;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Clinics' billing profiles, and superbills assembled from an issued invoice: every line of its
 * clinical charges (fees and package sales are not claimable care), the diagnosis codes of the
 * course's indication unless billing names others, and the invoice's own totals.
 */
@Component
public class Superbills {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** ICD-10-CM for each indication a course treats, as billing codes it by default. */
    private static final Map<String, String> INDICATION_DIAGNOSES = Map.of(
            "depression", "F33.2", "anxiety", "F41.1", "ptsd", "F43.10", "chronic-pain", "G89.29");

    private final JdbcClient jdbc;
    private final PatientDemographics demographics;

    Superbills(JdbcClient jdbc, PatientDemographics demographics) {
        this.jdbc = jdbc;
        this.demographics = demographics;
    }

    public void setProfile(UUID clinicId, BillingProfile profile, StaffMember by, Instant at) {
        jdbc.sql("""
                        insert into billing_profile (clinic_id, profile, updated_by, updated_at) values (?, ?::jsonb, ?, ?)
                        on conflict (clinic_id) do update set profile = excluded.profile, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")
                .params(clinicId, JSON.writeValueAsString(profile), by.userId(), java.sql.Timestamp.from(at)).update();
    }

    public Optional<BillingProfile> profile(UUID clinicId) {
        return jdbc.sql("select profile from billing_profile where clinic_id = ?").param(clinicId).query(String.class).optional()
                .map(json -> JSON.readValue(json, BillingProfile.class));
    }

    public Superbill of(Ledger.Invoice invoice, List<String> diagnosisCodes) {
        if (!"issued".equals(invoice.status())) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, "invoice-not-issued",
                    "a superbill is printed from an issued invoice; this one is " + invoice.status());
        }
        BillingProfile clinic = profile(invoice.clinicId()).orElseThrow(() -> new BusinessRuleViolation(
                BusinessRuleViolation.Kind.CONFLICT, "billing-profile-missing",
                "clinic " + invoice.clinicId() + " has no billing profile (NPI, TIN, provider) yet"));
        List<Superbill.Line> lines = invoice.charges().stream()
                .filter(c -> ChargeKind.fromCode(c.kind()).clinicalService())
                .flatMap(c -> c.lines().stream().map(l -> new Superbill.Line(c.serviceDate(), l.code(), l.modifier(), l.units(), l.ndc(),
                        l.mg(), c.coveredByPackageId() != null ? Money.ZERO : l.amount(), c.coveredByPackageId() != null)))
                .toList();
        List<String> diagnoses = diagnosisCodes.isEmpty() ? defaultDiagnoses(invoice.patientId()) : diagnosisCodes;
        BigDecimal paid = invoice.paid().subtract(invoice.refunded());
        Coverage coverage = coverage(invoice.patientId());
        return new Superbill(invoice.invoiceId(), invoice.number(), invoice.issuedOn(), invoice.patientId(),
                demographics.of(invoice.patientId()), coverage.payer(), coverage.insured(), clinic, diagnoses, invoice.currency(), lines,
                invoice.total(), invoice.credited(), paid, invoice.balance());
    }

    private record Coverage(String payer, Insured insured) {
    }

    /** The patient's coverage as billing staff set it; self-pay until they do. */
    private Coverage coverage(UUID patientId) {
        return jdbc.sql("select payer, insured from coverage where patient_id = ?").param(patientId)
                .query((rs, n) -> new Coverage(rs.getString(1), rs.getString(2) == null ? null : JSON.readValue(rs.getString(2),
                        Insured.class))).optional().orElse(new Coverage(PayerType.SELF_PAY.code(), null));
    }

    private List<String> defaultDiagnoses(UUID patientId) {
        return jdbc.sql("select distinct indication from course_copy where patient_id = ? and indication is not null order by indication")
                .param(patientId).query(String.class).list().stream()
                .map(INDICATION_DIAGNOSES::get).filter(java.util.Objects::nonNull).toList();
    }
}
