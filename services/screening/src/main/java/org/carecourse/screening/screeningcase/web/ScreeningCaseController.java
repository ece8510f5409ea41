package org.carecourse.screening.screeningcase.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.carecourse.screening.screeningcase.api.OpenScreeningCaseCommand;
import org.carecourse.screening.screeningcase.query.ScreeningCaseQueries;
import org.carecourse.screening.screeningcase.query.ScreeningCaseView;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Screening cases as clinic staff see them: scoped to the caller's clinics (auditors: all). */
@RestController
@RequestMapping("/api/screening-cases")
class ScreeningCaseController {

    private final ScreeningCaseQueries queries;
    private final CaseAccess access;
    private final CommandDispatch commands;
    private final ReadAccess reads;
    private final Clock clock;

    ScreeningCaseController(ScreeningCaseQueries queries, CaseAccess access, CommandDispatch commands, ReadAccess reads,
            Clock clock) {
        this.queries = queries;
        this.access = access;
        this.commands = commands;
        this.reads = reads;
        this.clock = clock;
    }

    /** Clinical staff open a case directly (walk-ins, referrals) at one of their clinics. */
    @PostMapping
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin')")
    ResponseEntity<ScreeningCaseView> open(@Valid @RequestBody OpenCaseBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(body.clinicId());
        UUID caseId = UUID.randomUUID();
        commands.sendAs(staff, body.clinicId(),
                new OpenScreeningCaseCommand(caseId, body.patientId(), body.clinicId(), null, clock.instant()));
        return ResponseEntity.created(URI.create("/api/screening-cases/" + caseId)).body(access.toChange(staff, caseId));
    }

    @GetMapping("/{caseId}")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
    ScreeningCaseView get(@PathVariable UUID caseId, @RequestParam(required = false) String purpose) {
        return access.toRead(StaffMember.current(), caseId, "screening-case", purpose);
    }

    /** A patient's cases at the caller's clinics. */
    @GetMapping(params = "patientId")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
    List<ScreeningCaseView> forPatient(@RequestParam UUID patientId) {
        StaffMember staff = StaffMember.current();
        reads.scoped(staff, new ReadAccess.Subject("screening-cases-of-patient", null, patientId, null), null);
        return queries.forPatient(patientId, staff.has(StaffRole.AUDITOR) ? null : staff.clinics());
    }

    /** A clinic's recent cases, newest first. */
    @GetMapping(params = "clinicId")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
    List<ScreeningCaseView> forClinic(@RequestParam UUID clinicId) {
        StaffMember staff = StaffMember.current();
        reads.clinicList(staff, "screening-queue", clinicId);
        return queries.forClinic(clinicId);
    }

    record OpenCaseBody(@NotNull UUID patientId, @NotNull UUID clinicId) {
    }
}
