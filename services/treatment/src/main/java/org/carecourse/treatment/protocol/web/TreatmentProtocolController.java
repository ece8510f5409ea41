package org.carecourse.treatment.protocol.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
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
                new PublishTreatmentProtocolCommand(clinicId, effectiveFrom, body.protocol()));
        return versions.find(clinicId, version).orElseThrow();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('nurse', 'prescriber', 'admin', 'auditor')")
    List<TreatmentProtocolVersion> list(@PathVariable UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return versions.all(clinicId);
    }

    /** The clinic's numbers in the protocol's groups, each bounded to a clinically plausible range ({@link TreatmentProtocol}). */
    record ProtocolBody(Instant effectiveFrom, @NotNull @Valid TreatmentProtocol protocol) {
    }
}
