package org.carecourse.consultations.patient.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;

import org.carecourse.consultations.patient.api.ChangePatientDetailsCommand;
import org.carecourse.consultations.patient.query.CareClinics;
import org.carecourse.consultations.patient.query.PatientDirectory;
import org.carecourse.consultations.patient.query.PatientHistory;
import org.carecourse.consultations.patient.query.PatientView;
import org.carecourse.consultations.patient.registration.PatientRegistration;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The chain's patients: registered and updated by the front desk at their clinics. */
@RestController
@RequestMapping("/api/patients")
class PatientController {

    private final PatientRegistration registration;
    private final PatientDirectory directory;
    private final PatientHistory history;
    private final CommandDispatch commands;
    private final ReadAccess reads;
    private final CareClinics careClinics;

    PatientController(PatientRegistration registration, PatientDirectory directory, PatientHistory history,
            CommandDispatch commands, ReadAccess reads, CareClinics careClinics) {
        this.registration = registration;
        this.directory = directory;
        this.history = history;
        this.commands = commands;
        this.reads = reads;
        this.careClinics = careClinics;
    }

    /**
     * One identity per chain: staff of any clinic find a patient by exact identifying details
     * (full name, date of birth, and phone or email), e.g. to book one who was first seen
     * elsewhere, or an auditor to open the patient's history. Nothing partial is matched, so the
     * search cannot browse the chain's patients; every search is in the read audit.
     */
    @PostMapping("/search")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
    List<PatientView> search(@Valid @RequestBody PatientBody.Search body) {
        StaffMember staff = StaffMember.current();
        Optional<PatientView> found = directory.likelyDuplicate(body.toDetails()).flatMap(directory::find);
        UUID patientId = found.map(PatientView::patientId).orElse(null);
        reads.scoped(staff, ReadAccess.Subject.patient("patient-search", patientId, null), null);
        return found.stream().toList();
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('front-desk', 'admin')")
    ResponseEntity<PatientView> register(@Valid @RequestBody PatientBody.Registration body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(body.homeClinicId());
        UUID patientId = registration.register(staff.actor(), body.patient().toDetails(), body.homeClinicId(),
                body.newPatientConfirmed());
        return ResponseEntity.created(URI.create("/api/patients/" + patientId)).body(directory.find(patientId).orElseThrow());
    }

    /** New demographics; only the fields that differ are recorded as changed. */
    @PutMapping("/{patientId}")
    @PreAuthorize("hasAnyRole('front-desk', 'admin')")
    Map<String, Object> change(@PathVariable UUID patientId, @Valid @RequestBody PatientBody.Registration body) {
        StaffMember staff = StaffMember.current();
        PatientView current = visible(staff, patientId);
        staff.requireClinic(current.homeClinicId());
        staff.requireClinic(body.homeClinicId());
        List<String> changed = commands.sendAs(staff, body.homeClinicId(),
                new ChangePatientDetailsCommand(patientId, body.patient().toDetails(), body.homeClinicId()));
        return Map.of("patient", directory.find(patientId).orElseThrow(), "changedFields", changed);
    }

    @GetMapping("/{patientId}")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'billing', 'admin', 'auditor')")
    PatientView get(@PathVariable UUID patientId, @RequestParam(required = false) String purpose) {
        StaffMember staff = StaffMember.current();
        PatientView patient = visible(staff, patientId);
        reads.scoped(staff, ReadAccess.Subject.patient("patient-demographics", patientId, patient.homeClinicId()), purpose);
        return patient;
    }

    /** Who registered and changed the patient's demographics, and when (values stay out). */
    @GetMapping("/{patientId}/history")
    @PreAuthorize("hasAnyRole('front-desk', 'admin', 'auditor')")
    List<PatientHistory.Entry> history(@PathVariable UUID patientId) {
        StaffMember staff = StaffMember.current();
        PatientView patient = visible(staff, patientId);
        reads.scoped(staff, ReadAccess.Subject.patient("patient-history", patientId, patient.homeClinicId()), null);
        return history.of(patientId);
    }

    /** Readable at the patient's home clinic and at every clinic that has treated the patient (a course there). */
    private PatientView visible(StaffMember staff, UUID patientId) {
        PatientView patient = directory.find(patientId).orElseThrow(() -> new NotFoundException("no patient " + patientId));
        if (careClinics.of(patientId).stream().noneMatch(staff.clinics()::contains)) {
            staff.requireReadable(patient.homeClinicId());
        }
        return patient;
    }
}
