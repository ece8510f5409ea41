package org.carecourse.treatment.protocol.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.treatment.clinical.OutcomeCriteria;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.protocol.api.PublishTreatmentProtocolCommand;
import org.carecourse.treatment.protocol.api.TreatmentProtocolVersion;
import org.carecourse.treatment.protocol.query.TreatmentProtocolVersions;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's treatment protocol versions: admins publish, clinicians and auditors read. */
@RestController
@RequestMapping("/api/clinics/{clinicId}/treatment-protocols")
class TreatmentProtocolController {

    private final CommandDispatch commands;
    private final TreatmentProtocolVersions versions;
    private final Clock clock;

    TreatmentProtocolController(CommandDispatch commands, TreatmentProtocolVersions versions, Clock clock) {
        this.commands = commands;
        this.versions = versions;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('admin')")
    TreatmentProtocolVersion publish(@PathVariable UUID clinicId, @Valid @RequestBody ProtocolBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        Instant effectiveFrom = body.effectiveFrom() != null ? body.effectiveFrom() : clock.instant();
        int version = commands.sendAs(staff, clinicId,
                new PublishTreatmentProtocolCommand(clinicId, effectiveFrom, body.protocol().toProtocol()));
        return versions.find(clinicId, version).orElseThrow();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<TreatmentProtocolVersion> list(@PathVariable UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return versions.all(clinicId);
    }

    record ProtocolBody(Instant effectiveFrom, @NotNull @Valid Parameters protocol) {
    }

    /** The clinic's numbers, each bounded to a clinically plausible range. */
    record Parameters(
            @DecimalMin("0.1") @DecimalMax("2.0") double doseMgPerKg, @DecimalMin("0.1") @DecimalMax("2.0") double minMgPerKg,
            @DecimalMin("0.1") @DecimalMax("2.0") double maxMgPerKg, @DecimalMin("10") @DecimalMax("300") double doseCapMg,
            @Min(1) @Max(180) int weightValidDays,
            @Min(100) @Max(220) int startMaxSystolic, @Min(60) @Max(130) int startMaxDiastolic,
            @Min(60) @Max(150) int startMaxHeartRate, @Min(85) @Max(100) int startMinSpo2,
            @Min(100) @Max(240) int holdMaxSystolic, @Min(60) @Max(150) int holdMaxDiastolic, @Min(80) @Max(100) int holdMinSpo2,
            @Min(5) @Max(60) int vitalsEveryMinutes, @Min(15) @Max(240) int dischargeObservationMinutes,
            @Min(1) @Max(12) int inductionCount, @Min(7) @Max(42) int inductionWindowDays, @Min(12) @Max(168) int minimumSpacingHours,
            @Min(1) @Max(12) int futilityAfterInfusions, @Min(1) @Max(30) int remsFormDueDays,
            @Min(120) @Max(480) int spravatoObservationMinutes,
            @Min(100) @Max(200) int spravatoDelaySystolic, @Min(60) @Max(130) int spravatoDelayDiastolic,
            @Min(5) @Max(120) int preStartVitalsMaxAgeMinutes, @Min(20) @Max(90) int spravatoPostDoseCheckMinutes,
            @Min(5) @Max(30) int spravatoPostDoseCheckToleranceMinutes, @Min(1) @Max(90) int adverseEventReportingDays,
            @NotNull @Valid Criteria phq9Outcome, @NotNull @Valid Criteria gad7Outcome, @NotNull @Valid Criteria pcl5Outcome,
            @NotNull @Valid Criteria painOutcome) {

        @AssertTrue(message = "minMgPerKg <= doseMgPerKg <= maxMgPerKg")
        boolean isDoseRangeConsistent() {
            return minMgPerKg <= doseMgPerKg && doseMgPerKg <= maxMgPerKg;
        }

        TreatmentProtocol toProtocol() {
            return new TreatmentProtocol(doseMgPerKg, minMgPerKg, maxMgPerKg, doseCapMg, weightValidDays, startMaxSystolic,
                    startMaxDiastolic, startMaxHeartRate, startMinSpo2, holdMaxSystolic, holdMaxDiastolic, holdMinSpo2,
                    vitalsEveryMinutes, dischargeObservationMinutes, inductionCount, inductionWindowDays, minimumSpacingHours,
                    futilityAfterInfusions, remsFormDueDays, spravatoObservationMinutes, spravatoDelaySystolic,
                    spravatoDelayDiastolic, preStartVitalsMaxAgeMinutes, spravatoPostDoseCheckMinutes,
                    spravatoPostDoseCheckToleranceMinutes, adverseEventReportingDays, phq9Outcome.toCriteria(),
                    gad7Outcome.toCriteria(), pcl5Outcome.toCriteria(), painOutcome.toCriteria());
        }
    }

    record Criteria(@Min(10) @Max(90) int responseDropPercent, @Min(1) @Max(80) int remissionBelow) {

        OutcomeCriteria toCriteria() {
            return new OutcomeCriteria(responseDropPercent, remissionBelow);
        }
    }
}
