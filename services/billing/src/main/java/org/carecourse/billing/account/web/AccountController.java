package org.carecourse.billing.account.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.carecourse.billing.account.api.AccountCommands;
import org.carecourse.billing.account.api.Insured;
import org.carecourse.billing.account.api.VoidReason;
import org.carecourse.billing.charge.api.PayerType;
import org.carecourse.billing.charge.pricing.ChargePricing;
import org.carecourse.billing.clinic.ClinicDirectory;
import org.carecourse.billing.feeschedule.query.FeeSchedules;
import org.carecourse.billing.ledger.Ledger;
import org.carecourse.billing.report.BillingReports;
import org.carecourse.billing.web.KeyedIds;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.idempotency.IdempotencyFilter;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's account for billing staff: coverage, charges (voided only while open), packages bought
 * at their clinic and refunded, and balances at the clinics they work at. Every read is audited.
 */
@RestController
@PreAuthorize("hasRole('billing')")
class AccountController {

    private final CommandDispatch commands;
    private final Ledger ledger;
    private final BillingReports reports;
    private final FeeSchedules fees;
    private final ClinicDirectory clinics;
    private final ReadAccess reads;
    private final Clock clock;

    AccountController(CommandDispatch commands, Ledger ledger, BillingReports reports, FeeSchedules fees, ClinicDirectory clinics,
            ReadAccess reads, Clock clock) {
        this.commands = commands;
        this.ledger = ledger;
        this.reports = reports;
        this.fees = fees;
        this.clinics = clinics;
        this.reads = reads;
        this.clock = clock;
    }

    /** {@code insured}: the plan and member a superbill is claimed against; may be left out (self-pay). */
    record CoverageBody(@NotNull PayerType payer, @jakarta.validation.Valid Insured insured) {
    }

    @PutMapping("/api/patients/{patientId}/coverage")
    CoverageBody coverage(@PathVariable UUID patientId, @Valid @RequestBody CoverageBody body) {
        StaffMember staff = StaffMember.current();
        commands.sendAs(staff, null, new AccountCommands.SetCoverage(patientId, body.payer(), body.insured()));
        return body;
    }

    @GetMapping("/api/patients/{patientId}/charges")
    List<Ledger.Charge> charges(@PathVariable UUID patientId) {
        StaffMember staff = StaffMember.current();
        reads.scoped(staff, ReadAccess.Subject.patient("billing-charges", patientId, null), null);
        return ledger.charges(patientId).stream().filter(c -> staff.clinics().contains(c.clinicId())).toList();
    }

    record VoidBody(@NotNull VoidReason reason) {
    }

    @PostMapping("/api/charges/{chargeId}/void")
    Ledger.Charge voidCharge(@PathVariable UUID chargeId, @Valid @RequestBody VoidBody body) {
        StaffMember staff = StaffMember.current();
        Ledger.Charge charge = ledger.charge(chargeId).orElseThrow(() -> new NotFoundException("no charge " + chargeId));
        staff.requireClinic(charge.clinicId());
        commands.sendAs(staff, charge.clinicId(), new AccountCommands.VoidCharge(charge.patientId(), chargeId, body.reason(),
                clock.instant()));
        return ledger.charge(chargeId).orElseThrow();
    }

    record PurchaseBody(@NotNull UUID clinicId) {
    }

    /** The induction package at the clinic's price of today; it expires at the end of its last valid day there. */
    @PostMapping("/api/patients/{patientId}/packages")
    ResponseEntity<Ledger.Package> purchase(@PathVariable UUID patientId, @Valid @RequestBody PurchaseBody body,
            @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(body.clinicId());
        ZoneId zone = clinics.requireZone(body.clinicId());
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        ChargePricing.InForce inForce = fees.inForce(body.clinicId(), today);
        var offer = inForce.schedule().inductionPackage();
        LocalDate expiresOn = today.plusDays(offer.validityDays() - 1L);
        UUID packageId = KeyedIds.optional(key, "package", patientId);
        commands.sendAs(staff, body.clinicId(), new AccountCommands.PurchasePackage(patientId, packageId,
                KeyedIds.optional(key, "package-charge", patientId),
                ChargePricing.inductionPackage(body.clinicId(), today, inForce), offer.credits(), expiresOn,
                expiresOn.plusDays(1).atStartOfDay(zone).toInstant(), now));
        return ResponseEntity.status(HttpStatus.CREATED).body(ledger.findPackage(packageId).orElseThrow());
    }

    @GetMapping("/api/patients/{patientId}/packages")
    List<Ledger.Package> packages(@PathVariable UUID patientId) {
        StaffMember staff = StaffMember.current();
        reads.scoped(staff, ReadAccess.Subject.patient("billing-packages", patientId, null), null);
        return ledger.packages(patientId);
    }

    @GetMapping("/api/patients/{patientId}/balance")
    List<BillingReports.Balance> balance(@PathVariable UUID patientId) {
        StaffMember staff = StaffMember.current();
        reads.scoped(staff, ReadAccess.Subject.patient("billing-balance", patientId, null), null);
        return reports.balances(patientId).stream().filter(b -> staff.clinics().contains(b.clinicId())).toList();
    }
}
