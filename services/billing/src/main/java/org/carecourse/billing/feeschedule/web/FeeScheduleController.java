package org.carecourse.billing.feeschedule.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.carecourse.billing.charge.pricing.ChargePricing;
import org.carecourse.billing.clinic.ClinicDirectory;
import org.carecourse.billing.feeschedule.api.FeeSchedule;
import org.carecourse.billing.feeschedule.api.PublishFeeScheduleCommand;
import org.carecourse.billing.feeschedule.query.FeeSchedules;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinic's fee schedule versions: billing staff (or an admin) of the clinic publish one to take
 * effect on a day, today or later; its staff read them, and the version in force on any day.
 */
@RestController
@RequestMapping("/api/clinics/{clinicId}/fee-schedules")
class FeeScheduleController {

    private final CommandDispatch commands;
    private final FeeSchedules schedules;
    private final ClinicDirectory clinics;
    private final Clock clock;

    FeeScheduleController(CommandDispatch commands, FeeSchedules schedules, ClinicDirectory clinics, Clock clock) {
        this.commands = commands;
        this.schedules = schedules;
        this.clinics = clinics;
        this.clock = clock;
    }

    record PublishBody(@NotNull LocalDate effectiveFrom, @NotNull @Valid FeeSchedule schedule) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('billing', 'admin')")
    List<FeeSchedules.Version> publish(@PathVariable UUID clinicId, @Valid @RequestBody PublishBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        LocalDate today = LocalDate.now(clock.withZone(clinics.requireZone(clinicId)));
        commands.sendAs(staff, clinicId, new PublishFeeScheduleCommand(clinicId, body.effectiveFrom(), today, body.schedule()));
        return schedules.versions(clinicId);
    }

    @GetMapping
    List<FeeSchedules.Version> versions(@PathVariable UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return schedules.versions(clinicId);
    }

    /** The schedule that prices a service on {@code on} (the chain's list prices, version 0, before the clinic's first). */
    @GetMapping("/in-force")
    ChargePricing.InForce inForce(@PathVariable UUID clinicId, @RequestParam LocalDate on) {
        StaffMember.current().requireReadable(clinicId);
        return schedules.inForce(clinicId, on);
    }
}
