package org.carecourse.scheduling.clinic.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.scheduling.clinic.api.AssignStaffCommand;
import org.carecourse.scheduling.clinic.api.Shift;
import org.carecourse.scheduling.clinic.api.StaffRole;
import org.carecourse.scheduling.clinic.query.StaffRoster;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who works at a clinic and when: its admins assign staff to weekly shifts, its staff read the roster. */
@RestController
@RequestMapping("/api/clinics/{clinicId}/staff")
class StaffController {

    private final ClinicSetup setup;
    private final StaffRoster roster;

    StaffController(ClinicSetup setup, StaffRoster roster) {
        this.setup = setup;
        this.roster = roster;
    }

    /**
     * Assigns (or re-assigns) a staff member to the clinic. Their shifts may not overlap their
     * shifts at another clinic of the chain (compared on each clinic's own clock).
     */
    @PutMapping("/{staffId}")
    @PreAuthorize("hasRole('admin')")
    StaffRoster.Assignment assign(@PathVariable UUID clinicId, @PathVariable UUID staffId, @Valid @RequestBody StaffBody body) {
        List<Shift> shifts = body.shifts().stream().map(s -> new Shift(s.day(), s.from(), s.to())).toList();
        roster.requireFreeElsewhere(staffId, clinicId, shifts);
        setup.change(clinicId, new AssignStaffCommand(clinicId, staffId, body.name().strip(), body.role(), shifts));
        return roster.at(clinicId).stream().filter(a -> a.staffId().equals(staffId)).findFirst().orElseThrow();
    }

    @GetMapping
    List<StaffRoster.Assignment> list(@PathVariable UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return roster.at(clinicId);
    }

    record StaffBody(@NotBlank @Size(max = FieldLimits.LINE) String name, @NotNull StaffRole role,
            @NotNull @Size(max = 21) List<@NotNull @Valid ShiftBody> shifts) {
    }

    record ShiftBody(@NotNull DayOfWeek day, @NotNull LocalTime from, @NotNull LocalTime to) {

        @AssertTrue(message = "a shift ends after it starts")
        boolean isOrdered() {
            return from == null || to == null || to.isAfter(from);
        }
    }
}
