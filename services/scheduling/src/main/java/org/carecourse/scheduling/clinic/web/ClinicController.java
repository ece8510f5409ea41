package org.carecourse.scheduling.clinic.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.carecourse.scheduling.clinic.api.RegisterClinicCommand;
import org.carecourse.scheduling.clinic.query.ClinicDirectoryProjection;
import org.carecourse.scheduling.clinic.query.ClinicView;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chain's clinic directory: any staff member reads it, admins register clinics. */
@RestController
@RequestMapping("/api/clinics")
class ClinicController {

    private final CommandDispatch commands;
    private final ClinicDirectoryProjection directory;

    ClinicController(CommandDispatch commands, ClinicDirectoryProjection directory) {
        this.commands = commands;
        this.directory = directory;
    }

    /** Registers a clinic under a chosen id; repeating the same registration changes nothing. */
    @PutMapping("/{clinicId}")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<ClinicView> register(@PathVariable UUID clinicId, @Valid @RequestBody ClinicBody body) {
        commands.sendAs(StaffMember.current(), clinicId,
                new RegisterClinicCommand(clinicId, body.name().strip(), body.timeZone()));
        return ResponseEntity.accepted().body(new ClinicView(clinicId, body.name().strip(), body.timeZone()));
    }

    @GetMapping
    List<ClinicView> all() {
        return directory.all();
    }

    @GetMapping("/{clinicId}")
    ClinicView get(@PathVariable UUID clinicId) {
        return directory.find(clinicId).orElseThrow(() -> new NotFoundException("no clinic " + clinicId));
    }
}
