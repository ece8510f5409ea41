package org.carecourse.scheduling.clinic.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.scheduling.clinic.api.AddChairCommand;
import org.carecourse.scheduling.clinic.api.Capability;
import org.carecourse.scheduling.clinic.query.ChairDirectory;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A clinic's chairs and rooms: its admins add them, its staff list them. */
@RestController
@RequestMapping("/api/clinics/{clinicId}/chairs")
class ChairController {

    private final ClinicSetup setup;
    private final ChairDirectory chairs;

    ChairController(ClinicSetup setup, ChairDirectory chairs) {
        this.setup = setup;
        this.chairs = chairs;
    }

    /** Adds a chair under a chosen id; adding it again with the same details changes nothing. */
    @PutMapping("/{chairId}")
    @PreAuthorize("hasRole('admin')")
    ChairDirectory.Chair add(@PathVariable UUID clinicId, @PathVariable UUID chairId, @Valid @RequestBody ChairBody body) {
        setup.change(clinicId, new AddChairCommand(clinicId, chairId, body.name().strip(), body.capabilities()));
        return chairs.find(chairId).orElseThrow();
    }

    @GetMapping
    List<ChairDirectory.Chair> list(@PathVariable UUID clinicId) {
        StaffMember.current().requireReadable(clinicId);
        return chairs.at(clinicId);
    }

    record ChairBody(@NotBlank @Size(max = FieldLimits.LINE) String name,
            @NotEmpty @Size(max = 3) Set<@NotNull Capability> capabilities) {
    }
}
