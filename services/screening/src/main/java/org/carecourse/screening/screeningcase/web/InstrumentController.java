package org.carecourse.screening.screeningcase.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.instruments.Instrument;
import org.carecourse.instruments.InstrumentAnswers;
import org.carecourse.instruments.InstrumentScore;
import org.carecourse.screening.screeningcase.api.SubmitInstrumentCommand;
import org.carecourse.screening.screeningcase.query.ScreeningCaseQueries;
import org.carecourse.screening.screeningcase.query.ScreeningCaseView;
import org.carecourse.screening.screeningcase.query.SubmissionView;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Instrument submissions and their answers: clinical data, never for the front desk. */
@RestController
@RequestMapping("/api/screening-cases/{caseId}/instruments")
class InstrumentController {

    private final CaseAccess access;
    private final ScreeningCaseQueries queries;
    private final CommandDispatch commands;
    private final Clock clock;

    InstrumentController(CaseAccess access, ScreeningCaseQueries queries, CommandDispatch commands, Clock clock) {
        this.access = access;
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('nurse', 'prescriber')")
    Submitted submit(@PathVariable UUID caseId, @Valid @RequestBody SubmissionBody body) {
        StaffMember staff = StaffMember.current();
        ScreeningCaseView screeningCase = access.toChange(staff, caseId);
        int pcl5Cutoff = access.protocolInEffect(screeningCase.clinicId()).parameters().pcl5Cutoff();
        UUID submissionId = UUID.randomUUID();
        InstrumentScore score = commands.sendAs(staff, screeningCase.clinicId(), new SubmitInstrumentCommand(
                caseId, submissionId, new InstrumentAnswers(body.instrument(), body.items(), body.behaviourWithinThreeMonths()),
                pcl5Cutoff, clock.instant(), UUID.randomUUID()));
        return new Submitted(submissionId, score, access.toChange(staff, caseId).openAlertId());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<SubmissionView> list(@PathVariable UUID caseId, @RequestParam(required = false) String purpose) {
        access.toOpenChart(StaffMember.current(), caseId, "instrument-answers", purpose);
        return queries.submissions(caseId);
    }

    /** Item answers in order; C-SSRS questions 3–5 are null when not asked. */
    record SubmissionBody(@NotNull Instrument instrument, @NotEmpty @Size(max = FieldLimits.LIST) List<Integer> items, Boolean behaviourWithinThreeMonths) {
    }

    /** The score and, when the case is on safety hold, the alert to follow up. */
    record Submitted(UUID submissionId, InstrumentScore score, UUID openSafetyAlertId) {
    }
}
