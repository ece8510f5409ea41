package org.carecourse.screening.screeningcase.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.screening.screeningcase.api.DocumentSafetyFollowUpCommand;
import org.carecourse.screening.screeningcase.api.SafetyDisposition;
import org.carecourse.screening.screeningcase.query.SafetyAlertView;
import org.carecourse.screening.screeningcase.query.ScreeningCaseQueries;
import org.carecourse.screening.screeningcase.query.ScreeningCaseView;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's safety-alert queue and the documented follow-up that clears an alert. */
@RestController
class SafetyAlertController {

    private final CaseAccess access;
    private final ScreeningCaseQueries queries;
    private final CommandDispatch commands;
    private final ReadAccess reads;
    private final Clock clock;

    SafetyAlertController(CaseAccess access, ScreeningCaseQueries queries, CommandDispatch commands, ReadAccess reads,
            Clock clock) {
        this.access = access;
        this.queries = queries;
        this.commands = commands;
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/api/safety-alerts")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<SafetyAlertView> queue(@RequestParam UUID clinicId,
            @RequestParam(defaultValue = "OPEN") @Pattern(regexp = "OPEN|RESOLVED") String status) {
        StaffMember staff = StaffMember.current();
        reads.clinicList(staff, "safety-alert-queue", clinicId);
        return queries.alerts(clinicId, status);
    }

    @PostMapping("/api/screening-cases/{caseId}/safety-alerts/{alertId}/follow-up")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber')")
    ScreeningCaseView followUp(@PathVariable UUID caseId, @PathVariable UUID alertId, @Valid @RequestBody FollowUpBody body) {
        StaffMember staff = StaffMember.current();
        ScreeningCaseView screeningCase = access.toChange(staff, caseId);
        commands.sendAs(staff, screeningCase.clinicId(),
                new DocumentSafetyFollowUpCommand(caseId, alertId, body.safetyPlan().strip(), body.disposition(), clock.instant()));
        return access.toChange(staff, caseId);
    }

    record FollowUpBody(@NotBlank @Size(max = FieldLimits.NOTE) String safetyPlan, @NotNull SafetyDisposition disposition) {
    }
}
