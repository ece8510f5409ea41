package org.carecourse.operations.funnel.web;

import java.time.LocalDate;
import java.util.UUID;

import org.carecourse.operations.OperationsAccess;
import org.carecourse.operations.funnel.query.IntakeFunnel;
import org.carecourse.servicekit.domain.DateRanges;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's intake funnel for the patients who asked on its days {@code from}–{@code to}: counts and ratios only. */
@RestController
@PreAuthorize(OperationsAccess.FIGURES)
class FunnelController {

    private static final int MAX_RANGE_DAYS = 366;

    private final IntakeFunnel funnel;

    FunnelController(IntakeFunnel funnel) {
        this.funnel = funnel;
    }

    @GetMapping("/api/dashboard/clinics/{clinicId}/funnel")
    IntakeFunnel.Funnel funnel(@PathVariable UUID clinicId, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        StaffMember.current().requireClinic(clinicId);
        DateRanges.require(from, to, MAX_RANGE_DAYS);
        return funnel.of(clinicId, from, to);
    }
}
