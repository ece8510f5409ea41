package org.carecourse.screening.screeningcase.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.screening.screeningcase.api.ClinicalHistory;
import org.carecourse.screening.screeningcase.api.HistoryCondition;
import org.carecourse.screening.screeningcase.api.MedicationClass;
import org.carecourse.screening.screeningcase.api.RecordClinicalHistoryCommand;
import org.carecourse.screening.screeningcase.query.ScreeningCaseQueries;
import org.carecourse.screening.screeningcase.query.ScreeningCaseView;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** History, medications, baseline vitals, pregnancy, substance use and antidepressant trials. */
@RestController
@RequestMapping("/api/screening-cases/{caseId}/history")
class ClinicalHistoryController {

    private final CaseAccess access;
    private final ScreeningCaseQueries queries;
    private final CommandDispatch commands;

    ClinicalHistoryController(CaseAccess access, ScreeningCaseQueries queries, CommandDispatch commands) {
        this.access = access;
        this.queries = queries;
        this.commands = commands;
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('nurse', 'prescriber')")
    JsonNode record(@PathVariable UUID caseId, @Valid @RequestBody HistoryBody body) {
        StaffMember staff = StaffMember.current();
        ScreeningCaseView screeningCase = access.toChange(staff, caseId);
        commands.sendAs(staff, screeningCase.clinicId(), new RecordClinicalHistoryCommand(caseId, body.toHistory()));
        return queries.history(caseId).orElseThrow();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    JsonNode get(@PathVariable UUID caseId, @RequestParam(required = false) String purpose) {
        access.toOpenChart(StaffMember.current(), caseId, "clinical-history", purpose);
        return queries.history(caseId).orElseThrow(() -> new NotFoundException("no history recorded for case " + caseId));
    }

    record HistoryBody(
            @NotNull @Size(max = FieldLimits.LIST) Set<@NotNull HistoryCondition> conditions,
            @NotNull @Size(max = FieldLimits.LIST) List<@Valid @NotNull Medication> medications,
            @NotNull @Valid Vitals vitals,
            @NotNull ClinicalHistory.Pregnancy pregnancy,
            @NotNull Boolean activeSubstanceUseDisorder,
            @NotNull @Size(max = FieldLimits.LIST) List<@Valid @NotNull Trial> antidepressantTrials) {

        ClinicalHistory toHistory() {
            return new ClinicalHistory(conditions,
                    medications.stream().map(m -> new ClinicalHistory.Medication(m.name().strip(), m.drugClass())).toList(),
                    new ClinicalHistory.BaselineVitals(vitals.systolic(), vitals.diastolic(), vitals.heartRate(), vitals.spo2(),
                            vitals.weightKg(), vitals.heightCm(), vitals.measuredAt()),
                    pregnancy, activeSubstanceUseDisorder,
                    antidepressantTrials.stream().map(t -> new ClinicalHistory.AntidepressantTrial(t.drug().strip(),
                            t.adequateDose(), t.weeks(), t.response())).toList());
        }
    }

    record Medication(@NotBlank @Size(max = FieldLimits.LINE) String name, @NotNull MedicationClass drugClass) {
    }

    record Vitals(@Min(50) @Max(300) int systolic, @Min(20) @Max(200) int diastolic, @Min(20) @Max(250) int heartRate,
            @Min(50) @Max(100) int spo2, @DecimalMin("20") @DecimalMax("400") double weightKg,
            @DecimalMin("100") @DecimalMax("250") double heightCm, @NotNull @PastOrPresent Instant measuredAt) {
    }

    record Trial(@NotBlank @Size(max = FieldLimits.LINE) String drug, boolean adequateDose, @Min(0) @Max(520) int weeks, @NotNull ClinicalHistory.Response response) {
    }
}
