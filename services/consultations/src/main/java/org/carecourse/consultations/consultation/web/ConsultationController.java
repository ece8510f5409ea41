package org.carecourse.consultations.consultation.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.consultations.consultation.api.Channel;
import org.carecourse.consultations.consultation.api.ConsultOutcome;
import org.carecourse.consultations.consultation.api.RecordConsultOutcomeCommand;
import org.carecourse.consultations.consultation.api.RequestConsultationCommand;
import org.carecourse.consultations.consultation.query.ConsultationQueries;
import org.carecourse.consultations.consultation.query.ConsultationView;
import org.carecourse.consultations.patient.query.PatientDirectory;
import org.carecourse.consultations.patient.registration.PatientRegistration;
import org.carecourse.contracts.FieldLimits;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/consultations")
class ConsultationController {

    private final CommandDispatch commands;
    private final ConsultationQueries queries;
    private final PatientRegistration registration;
    private final PatientDirectory patients;
    private final ReadAccess reads;
    private final Clock clock;

    ConsultationController(CommandDispatch commands, ConsultationQueries queries, PatientRegistration registration,
            PatientDirectory patients, ReadAccess reads, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.registration = registration;
        this.patients = patients;
        this.reads = reads;
        this.clock = clock;
    }

    /** Front desk records a consultation request at one of their clinics. */
    @PostMapping
    @PreAuthorize("hasAnyRole('front-desk', 'admin')")
    ResponseEntity<ConsultationCreated> request(@Valid @RequestBody ConsultationRequestBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(body.preferredClinicId());
        UUID patientId = body.patientId() != null ? patients.requireRegistered(body.patientId())
                : registration.register(staff.actor(), body.patient().toDetails(), body.preferredClinicId(),
                        body.newPatientConfirmed());
        UUID consultationId = UUID.randomUUID();
        commands.sendAs(staff, body.preferredClinicId(), new RequestConsultationCommand(consultationId,
                patientId, body.preferredClinicId(), body.conditions(), body.contactPreferenceOrDefault(),
                body.referralSource(), Channel.STAFF, clock.instant()));
        return ResponseEntity.created(URI.create("/api/consultations/" + consultationId))
                .body(new ConsultationCreated(consultationId, patientId));
    }

    @GetMapping("/{consultationId}")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
    ConsultationView get(@PathVariable UUID consultationId, @RequestParam(required = false) String purpose) {
        StaffMember staff = StaffMember.current();
        ConsultationView consultation = queries.find(consultationId)
                .orElseThrow(() -> new NotFoundException("no consultation " + consultationId));
        reads.record(staff, new ReadAccess.Subject("consultation", consultationId, consultation.patientId(), consultation.clinicId()),
                purpose);
        return consultation;
    }

    /** A clinic's intake queue: requests waiting for their consult (or completed ones). */
    @GetMapping(params = "clinicId")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
    List<ConsultationView> queue(@RequestParam UUID clinicId,
            @RequestParam(defaultValue = "REQUESTED") @Pattern(regexp = "REQUESTED|COMPLETED") String status) {
        StaffMember staff = StaffMember.current();
        reads.clinicList(staff, "intake-queue", clinicId);
        return queries.queue(clinicId, status);
    }

    /** The prescriber's conclusion at the consult; refer-out and not-a-candidate need a reason. */
    @PostMapping("/{consultationId}/outcome")
    @PreAuthorize("hasRole('prescriber')")
    ConsultationView outcome(@PathVariable UUID consultationId, @Valid @RequestBody OutcomeBody body) {
        StaffMember staff = StaffMember.current();
        ConsultationView consultation = readable(staff, consultationId);
        staff.requireClinic(consultation.clinicId());
        commands.sendAs(staff, consultation.clinicId(),
                new RecordConsultOutcomeCommand(consultationId, body.outcome(), body.reason(), clock.instant()));
        return queries.find(consultationId).orElseThrow();
    }

    private ConsultationView readable(StaffMember staff, UUID consultationId) {
        ConsultationView view = queries.find(consultationId)
                .orElseThrow(() -> new NotFoundException("no consultation " + consultationId));
        staff.requireReadable(view.clinicId());
        return view;
    }

    record ConsultationCreated(UUID consultationId, UUID patientId) {
    }

    record OutcomeBody(@NotNull ConsultOutcome outcome, @Size(max = FieldLimits.NOTE) String reason) {
    }
}
