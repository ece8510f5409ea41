package org.carecourse.screening.screeningcase.web;

import java.util.List;
import java.util.UUID;

import org.carecourse.screening.screeningcase.query.ScreeningCaseQueries;
import org.carecourse.screening.screeningcase.query.ScreeningCaseView;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Screening cases as clinic staff see them: scoped to the caller's clinics (auditors: all). */
@RestController
@RequestMapping("/api/screening-cases")
@PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
class ScreeningCaseController {

    private final ScreeningCaseQueries queries;

    ScreeningCaseController(ScreeningCaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{caseId}")
    ScreeningCaseView get(@PathVariable UUID caseId) {
        ScreeningCaseView view = queries.find(caseId).orElseThrow(() -> new NotFoundException("no screening case " + caseId));
        StaffMember.current().requireReadable(view.clinicId());
        return view;
    }

    /** A patient's cases at the caller's clinics. */
    @GetMapping(params = "patientId")
    List<ScreeningCaseView> forPatient(@RequestParam UUID patientId) {
        StaffMember staff = StaffMember.current();
        return queries.forPatient(patientId, staff.has(StaffRole.AUDITOR) ? null : staff.clinics());
    }

    /** A clinic's recent cases, newest first. */
    @GetMapping(params = "clinicId")
    List<ScreeningCaseView> forClinic(@RequestParam UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return queries.forClinic(clinicId);
    }
}
