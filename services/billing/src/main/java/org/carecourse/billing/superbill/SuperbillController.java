package org.carecourse.billing.superbill;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.billing.ledger.Ledger;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Superbills of issued invoices, as JSON and as a printable PDF, and the clinic profile they print. */
@RestController
@PreAuthorize("hasRole('billing')")
class SuperbillController {

    private final Superbills superbills;
    private final Ledger ledger;
    private final ReadAccess reads;
    private final Clock clock;

    SuperbillController(Superbills superbills, Ledger ledger, ReadAccess reads, Clock clock) {
        this.superbills = superbills;
        this.ledger = ledger;
        this.reads = reads;
        this.clock = clock;
    }

    @PutMapping("/api/clinics/{clinicId}/billing-profile")
    @PreAuthorize("hasAnyRole('billing', 'admin')")
    BillingProfile setProfile(@PathVariable UUID clinicId, @Valid @RequestBody BillingProfile profile) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        superbills.setProfile(clinicId, profile, staff, clock.instant());
        return superbills.profile(clinicId).orElseThrow();
    }

    @GetMapping("/api/invoices/{invoiceId}/superbill")
    Superbill json(@PathVariable UUID invoiceId,
            @RequestParam(required = false) @Size(max = 12) List<@Pattern(regexp = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-Z]{1,4})?") String> diagnosis) {
        return superbill(invoiceId, diagnosis, "billing-superbill");
    }

    @GetMapping(value = "/api/invoices/{invoiceId}/superbill.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable UUID invoiceId,
            @RequestParam(required = false) @Size(max = 12) List<@Pattern(regexp = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-Z]{1,4})?") String> diagnosis) {
        Superbill bill = superbill(invoiceId, diagnosis, "billing-superbill-pdf");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"superbill-" + bill.invoiceNumber() + ".pdf\"")
                .body(SuperbillPdf.render(bill));
    }

    private Superbill superbill(UUID invoiceId, List<String> diagnosis, String view) {
        StaffMember staff = StaffMember.current();
        Ledger.Invoice invoice = ledger.invoice(invoiceId).orElseThrow(() -> new NotFoundException("no invoice " + invoiceId));
        staff.requireClinic(invoice.clinicId());
        reads.scoped(staff, new ReadAccess.Subject(view, invoiceId, invoice.patientId(), invoice.clinicId()), null);
        return superbills.of(invoice, diagnosis == null ? List.of() : diagnosis);
    }
}
