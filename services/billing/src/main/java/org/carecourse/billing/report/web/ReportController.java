package org.carecourse.billing.report.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.carecourse.billing.clinic.ClinicDirectory;
import org.carecourse.billing.report.BillingReports;
import org.carecourse.servicekit.domain.DateRanges;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's receivables by age, its reconciliation, and the chain's package settlement, for billing staff of their clinics. */
@RestController
@PreAuthorize("hasRole('billing')")
class ReportController {

    /** A report covers at most a few years of service days. */
    private static final int MAX_RANGE_DAYS = 3 * 366;

    private final BillingReports reports;
    private final ClinicDirectory clinics;
    private final Clock clock;

    ReportController(BillingReports reports, ClinicDirectory clinics, Clock clock) {
        this.reports = reports;
        this.clinics = clinics;
        this.clock = clock;
    }

    /** Days since issue, 0–30, 31–60, 61–90 and over 90, as of the end of {@code asOf} (today at the clinic when left out). */
    @GetMapping("/api/clinics/{clinicId}/ar-aging")
    List<BillingReports.Aging> aging(@PathVariable UUID clinicId, @RequestParam(required = false) LocalDate asOf) {
        StaffMember.current().requireClinic(clinicId);
        ZoneId zone = clinics.requireZone(clinicId);
        return reports.aging(clinicId, asOf != null ? asOf : LocalDate.now(clock.withZone(zone)), zone);
    }

    @GetMapping("/api/clinics/{clinicId}/reconciliation")
    BillingReports.Reconciliation reconcile(@PathVariable UUID clinicId, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        StaffMember.current().requireClinic(clinicId);
        DateRanges.require(from, to, MAX_RANGE_DAYS);
        return reports.reconcile(clinicId, from, to, clinics.requireZone(clinicId));
    }

    /** Credits delivered on service days in the range: what each selling clinic owes each delivering one, for the reader's clinics. */
    @GetMapping("/api/reports/package-settlement")
    BillingReports.Settlement settlement(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        DateRanges.require(from, to, MAX_RANGE_DAYS);
        return reports.settlement(from, to, StaffMember.current().clinics());
    }

}
