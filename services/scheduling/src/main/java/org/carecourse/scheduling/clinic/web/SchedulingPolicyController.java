package org.carecourse.scheduling.clinic.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.clinic.api.SchedulingPolicy;
import org.carecourse.scheduling.clinic.api.SetSchedulingPolicyCommand;
import org.carecourse.scheduling.clinic.api.StaffRole;
import org.carecourse.scheduling.clinic.api.TypeSettings;
import org.carecourse.scheduling.clinic.query.ClinicPolicies;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinic's scheduling rules: its admins set them as a whole, its staff read them (the defaults
 * until set). Types left out keep their defaults.
 */
@RestController
@RequestMapping("/api/clinics/{clinicId}/scheduling-policy")
class SchedulingPolicyController {

    private final ClinicSetup setup;
    private final ClinicPolicies policies;

    SchedulingPolicyController(ClinicSetup setup, ClinicPolicies policies) {
        this.setup = setup;
        this.policies = policies;
    }

    @PutMapping
    @PreAuthorize("hasRole('admin')")
    SchedulingPolicy set(@PathVariable UUID clinicId, @Valid @RequestBody PolicyBody body) {
        setup.change(clinicId, new SetSchedulingPolicyCommand(clinicId, body.toPolicy()));
        return policies.of(clinicId);
    }

    @GetMapping
    SchedulingPolicy get(@PathVariable UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return policies.of(clinicId);
    }

    record PolicyBody(boolean remsCertified, @Min(1) @Max(6) int patientsPerNurse, @Min(0) @Max(168) int lateCancelNoticeHours,
            @Min(0) @Max(120) int noShowGraceMinutes, @NotNull @Size(max = 4) List<@NotNull @Min(1) @Max(336) Integer> reminderLeadHours,
            @Size(max = 4) Map<@NotNull AppointmentType, @NotNull @Valid TypeBody> types) {

        SchedulingPolicy toPolicy() {
            return new SchedulingPolicy(remsCertified, patientsPerNurse, lateCancelNoticeHours, noShowGraceMinutes,
                    reminderLeadHours.stream().distinct().sorted((a, b) -> b - a).toList(), types == null ? Map.of()
                            : types.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toSettings())));
        }
    }

    record TypeBody(@Min(15) @Max(480) int minutes, @Min(0) @Max(120) int turnoverMinutes, @NotNull StaffRole staffRole,
            @NotBlank @Size(max = FieldLimits.NOTE) String instructions) {

        TypeSettings toSettings() {
            return new TypeSettings(minutes, turnoverMinutes, staffRole, instructions.strip());
        }
    }
}
