package org.carecourse.screening.protocol.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.screening.protocol.api.ProtocolParameters;
import org.carecourse.screening.protocol.api.ProtocolVersion;
import org.carecourse.screening.protocol.api.PublishProtocolVersionCommand;
import org.carecourse.screening.protocol.query.ProtocolVersions;
import org.carecourse.screening.screeningcase.api.HistoryCondition;
import org.carecourse.screening.screeningcase.api.MedicationClass;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's screening protocol versions: admins publish, clinical staff and auditors read. */
@RestController
@RequestMapping("/api/clinics/{clinicId}/screening-protocols")
class ProtocolController {

    private final CommandDispatch commands;
    private final ProtocolVersions versions;
    private final Clock clock;

    ProtocolController(CommandDispatch commands, ProtocolVersions versions, Clock clock) {
        this.commands = commands;
        this.versions = versions;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('admin')")
    ProtocolVersion publish(@PathVariable UUID clinicId, @Valid @RequestBody ProtocolBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        Instant effectiveFrom = body.effectiveFrom() != null ? body.effectiveFrom() : clock.instant();
        int version = commands.sendAs(staff, clinicId,
                new PublishProtocolVersionCommand(clinicId, effectiveFrom, body.parameters().toParameters()));
        return versions.find(clinicId, version).orElseThrow();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<ProtocolVersion> list(@PathVariable UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return versions.all(clinicId);
    }

    /** {@code effectiveFrom} defaults to now. */
    record ProtocolBody(Instant effectiveFrom, @NotNull @Valid Parameters parameters) {
    }

    record Parameters(
            @Min(20) @Max(60) int pcl5Cutoff,
            @Min(1) @Max(5) int trdMinimumTrials,
            @Min(2) @Max(26) int trdMinimumTrialWeeks,
            @Min(120) @Max(240) int uncontrolledSystolic,
            @Min(70) @Max(140) int uncontrolledDiastolic,
            @Min(1) @Max(730) int decisionValidDays,
            @NotNull @Size(max = FieldLimits.LIST) Set<@Size(max = FieldLimits.LINE) String> absoluteExclusions,
            @NotNull @Size(max = FieldLimits.LIST) Set<@Size(max = FieldLimits.LINE) String> spravatoExclusions,
            @NotNull @Size(max = FieldLimits.LIST) Set<@Size(max = FieldLimits.LINE) String> relativeCautions,
            @NotNull @Size(max = FieldLimits.LIST) Set<@Size(max = FieldLimits.LINE) String> reviewMedicationClasses) {

        @AssertTrue(message = "lists must name known history conditions")
        boolean isConditionsKnown() {
            return Stream.of(absoluteExclusions, spravatoExclusions, relativeCautions)
                    .filter(Objects::nonNull).flatMap(Set::stream)
                    .allMatch(code -> HistoryCondition.find(code).isPresent());
        }

        @AssertTrue(message = "must name known medication classes")
        boolean isReviewMedicationClassesKnown() {
            return reviewMedicationClasses == null
                    || reviewMedicationClasses.stream().allMatch(code -> MedicationClass.find(code).isPresent());
        }

        ProtocolParameters toParameters() {
            return new ProtocolParameters(pcl5Cutoff, trdMinimumTrials, trdMinimumTrialWeeks, uncontrolledSystolic,
                    uncontrolledDiastolic, decisionValidDays, absoluteExclusions, spravatoExclusions, relativeCautions,
                    reviewMedicationClasses);
        }
    }
}
