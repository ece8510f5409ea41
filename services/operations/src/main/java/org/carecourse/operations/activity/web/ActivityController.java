package org.carecourse.operations.activity.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.operations.OperationsAccess;
import org.carecourse.operations.activity.query.ClinicActivity;
import org.carecourse.servicekit.domain.DateRanges;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinics' daily figures for operations staff: aggregates and ids only, for the clinics in
 * their token (all of the chain's for chain-wide staff), each on the clinic's own calendar.
 */
@RestController
@PreAuthorize(OperationsAccess.FIGURES)
class ActivityController {

    private static final int MAX_RANGE_DAYS = 366;

    private final ClinicActivity activity;

    ActivityController(ClinicActivity activity) {
        this.activity = activity;
    }

    @GetMapping("/api/dashboard/activity")
    List<ClinicActivity.Day> days(@RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) @Size(max = 50) List<UUID> clinicId) {
        List<UUID> clinics = clinics(from, to, clinicId);
        return clinics.isEmpty() ? List.of() : activity.days(clinics, from, to);
    }

    /** The clinics side by side over the range: totals and rates. */
    @GetMapping("/api/dashboard/comparison")
    List<ClinicActivity.Comparison> comparison(@RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) @Size(max = 50) List<UUID> clinicId) {
        List<UUID> clinics = clinics(from, to, clinicId);
        return clinics.isEmpty() ? List.of() : activity.compare(clinics, from, to);
    }

    /** The clinics asked for that are in the caller's token (all of theirs when none are named), sorted. */
    private static List<UUID> clinics(LocalDate from, LocalDate to, List<UUID> clinicId) {
        DateRanges.require(from, to, MAX_RANGE_DAYS);
        StaffMember staff = StaffMember.current();
        return (clinicId == null || clinicId.isEmpty() ? staff.clinics().stream() : clinicId.stream().filter(staff.clinics()::contains))
                .distinct().sorted().toList();
    }
}
