package org.carecourse.screening.screeningcase.web;

import java.time.Clock;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.instruments.Modality;
import org.carecourse.screening.clinic.ClinicZones;
import org.carecourse.screening.eligibility.EligibilityProposal;
import org.carecourse.screening.eligibility.Outcome;
import org.carecourse.screening.protocol.api.ProtocolVersion;
import org.carecourse.screening.screeningcase.api.ProposeEligibilityCommand;
import org.carecourse.screening.screeningcase.api.SignEligibilityDecisionCommand;
import org.carecourse.screening.screeningcase.query.DecisionView;
import org.carecourse.screening.screeningcase.query.ScreeningCaseQueries;
import org.carecourse.screening.screeningcase.query.ScreeningCaseView;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.security.StaffRole;
import org.carecourse.servicekit.web.NotFoundException;
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

/** The rules' proposal and the prescriber-signed eligibility decision. */
@RestController
@RequestMapping("/api/screening-cases/{caseId}/eligibility")
class EligibilityController {

    private final CaseAccess access;
    private final ScreeningCaseQueries queries;
    private final CommandDispatch commands;
    private final ClinicZones zones;
    private final Clock clock;

    EligibilityController(CaseAccess access, ScreeningCaseQueries queries, CommandDispatch commands, ClinicZones zones,
            Clock clock) {
        this.access = access;
        this.queries = queries;
        this.commands = commands;
        this.zones = zones;
        this.clock = clock;
    }

    /** What the rules propose now under the clinic's protocol in effect; stores nothing. */
    @PostMapping("/proposal")
    @PreAuthorize("hasAnyRole('nurse', 'prescriber')")
    Proposal propose(@PathVariable UUID caseId, @Valid @RequestBody ProposalBody body) {
        StaffMember staff = StaffMember.current();
        ScreeningCaseView screeningCase = access.toChange(staff, caseId);
        ProtocolVersion protocol = access.protocolInEffect(screeningCase.clinicId());
        EligibilityProposal proposal = commands.sendAs(staff, screeningCase.clinicId(),
                new ProposeEligibilityCommand(caseId, body.modality(), protocol));
        return new Proposal(proposal, protocol.version());
    }

    /** A prescriber at the case's clinic signs; overriding the proposal needs a reason. */
    @PostMapping("/decision")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('prescriber')")
    DecisionView sign(@PathVariable UUID caseId, @Valid @RequestBody DecisionBody body) {
        StaffMember staff = StaffMember.current();
        ScreeningCaseView screeningCase = access.toChange(staff, caseId);
        ProtocolVersion protocol = access.protocolInEffect(screeningCase.clinicId());
        commands.sendAs(staff, screeningCase.clinicId(), new SignEligibilityDecisionCommand(caseId,
                UUID.randomUUID(), body.modality(), body.outcome(), body.overrideReason(), protocol, clock.instant(),
                zones.requireZone(screeningCase.clinicId())));
        return queries.decision(caseId).orElseThrow();
    }

    @GetMapping("/decision")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
    DecisionView decision(@PathVariable UUID caseId, @RequestParam(required = false) String purpose) {
        StaffMember staff = StaffMember.current();
        access.toRead(staff, caseId, "eligibility-decision", purpose);
        DecisionView decision = queries.decision(caseId)
                .orElseThrow(() -> new NotFoundException("case " + caseId + " has no decision yet"));
        // The front desk books on the outcome; scores, fired rules and override reasons are clinical.
        boolean clinical = staff.has(StaffRole.NURSE) || staff.has(StaffRole.PRESCRIBER) || staff.has(StaffRole.ADMIN)
                || staff.has(StaffRole.AUDITOR);
        return clinical ? decision : decision.withoutClinicalDetail();
    }

    record ProposalBody(@NotNull Modality modality) {
    }

    record DecisionBody(@NotNull Modality modality, @NotNull Outcome outcome, @Size(max = FieldLimits.NOTE) String overrideReason) {
    }

    record Proposal(EligibilityProposal proposal, int protocolVersion) {
    }
}
