package org.carecourse.consultations.consultation.web;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import jakarta.validation.Valid;

import org.carecourse.consultations.consultation.api.RequestConsultationCommand;
import org.carecourse.consultations.consultation.query.ConsultationQueries;
import org.carecourse.consultations.consultation.query.ConsultationView;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/consultations")
class ConsultationController {

    private final CommandDispatch commands;
    private final ConsultationQueries queries;
    private final Clock clock;

    ConsultationController(CommandDispatch commands, ConsultationQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** Front desk records a consultation request at one of their clinics. */
    @PostMapping
    @PreAuthorize("hasAnyRole('front-desk', 'admin')")
    ResponseEntity<ConsultationCreated> request(@Valid @RequestBody ConsultationRequestBody body,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(body.preferredClinicId());
        UUID consultationId = UUID.randomUUID();
        // Patient identity matching across the chain arrives with patient registration; until then
        // each request introduces its patient.
        UUID patientId = UUID.randomUUID();
        commands.sendAs(staff, body.preferredClinicId(), correlationId, new RequestConsultationCommand(
                consultationId, patientId, body.preferredClinicId(), body.patient().toDetails(),
                body.conditions(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/consultations/" + consultationId))
                .body(new ConsultationCreated(consultationId, patientId));
    }

    @GetMapping("/{consultationId}")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
    ConsultationView get(@PathVariable UUID consultationId) {
        ConsultationView view = queries.find(consultationId)
                .orElseThrow(() -> new NotFoundException("no consultation " + consultationId));
        StaffMember.current().requireReadable(view.clinicId());
        return view;
    }

    record ConsultationCreated(UUID consultationId, UUID patientId) {
    }
}
