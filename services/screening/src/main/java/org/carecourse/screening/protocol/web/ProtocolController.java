package org.carecourse.screening.protocol.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.carecourse.screening.protocol.api.ProtocolParameters;
import org.carecourse.screening.protocol.api.ProtocolVersion;
import org.carecourse.screening.protocol.api.PublishProtocolVersionCommand;
import org.carecourse.screening.protocol.query.ProtocolVersions;
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
                new PublishProtocolVersionCommand(clinicId, effectiveFrom, body.parameters()));
        return versions.find(clinicId, version).orElseThrow();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<ProtocolVersion> list(@PathVariable UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return versions.all(clinicId);
    }

    /** {@code effectiveFrom} defaults to now; the parameters are bounded where they are defined ({@link ProtocolParameters}). */
    record ProtocolBody(Instant effectiveFrom, @NotNull @Valid ProtocolParameters parameters) {
    }
}
