package org.carecourse.operations.region.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.operations.OperationsAccess;
import org.carecourse.operations.clinic.ClinicDirectory;
import org.carecourse.operations.region.query.ClinicRegions;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The regions clinics report under: admins of a clinic set its region, operations staff read them. */
@RestController
class RegionController {

    private final ClinicRegions regions;
    private final ClinicDirectory clinics;
    private final Clock clock;

    RegionController(ClinicRegions regions, ClinicDirectory clinics, Clock clock) {
        this.regions = regions;
        this.clinics = clinics;
        this.clock = clock;
    }

    record RegionBody(@NotBlank @Size(max = 60) @Pattern(regexp = "[\\p{L}\\p{N} .,'&()-]+", message = "letters, digits, spaces and . , ' & ( ) - only")
            String region) {
    }

    /** Idempotent: the same region again changes nothing; the clinic must be one the directory knows. */
    @PutMapping("/api/dashboard/clinics/{clinicId}/region")
    @PreAuthorize("hasRole('admin')")
    ClinicRegions.Assignment set(@PathVariable UUID clinicId, @Valid @RequestBody RegionBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        clinics.requireZone(clinicId);
        regions.set(clinicId, body.region().strip(), staff.userId(), clock.instant());
        return regions.assignments().stream().filter(a -> a.clinicId().equals(clinicId)).findFirst().orElseThrow();
    }

    @GetMapping("/api/dashboard/regions")
    @PreAuthorize(OperationsAccess.FIGURES)
    List<ClinicRegions.Assignment> regions() {
        StaffMember staff = StaffMember.current();
        return regions.assignments().stream().filter(a -> staff.clinics().contains(a.clinicId())).toList();
    }
}
