package org.carecourse.consultations.patient.registration;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.consultations.patient.api.PatientDetails;
import org.carecourse.consultations.patient.api.RegisterPatientCommand;
import org.carecourse.consultations.patient.query.PatientDirectory;
import org.carecourse.contracts.Actor;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers patients once per chain: a likely duplicate is refused unless a new patient is
 * confirmed. The check and the registration are one transaction under a lock on the identity.
 */
@Component
public class PatientRegistration {

    public static final String DUPLICATE_RULE = "likely-duplicate-patient";

    private final PatientDirectory directory;
    private final CommandDispatch commands;
    private final Clock clock;

    PatientRegistration(PatientDirectory directory, CommandDispatch commands, Clock clock) {
        this.directory = directory;
        this.commands = commands;
        this.clock = clock;
    }

    /** Staff registration: 409 naming the existing patient unless {@code confirmedNew}. */
    @Transactional
    public UUID register(Actor actor, PatientDetails details, UUID homeClinicId, boolean confirmedNew) {
        directory.lockIdentity(details);
        Optional<UUID> existing = directory.likelyDuplicate(details);
        if (existing.isPresent() && !confirmedNew) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, DUPLICATE_RULE,
                    "a patient with this name, date of birth and phone or email is already registered;"
                            + " use that patient or confirm a new one with confirmNewPatient",
                    Map.of("existingPatientId", existing.get()));
        }
        return registerNew(actor, null, details, homeClinicId);
    }

    /** Public intake: a known patient is reused silently, so the form reveals nothing about who is registered. */
    @Transactional
    public UUID matchOrRegister(Actor actor, String correlationId, PatientDetails details, UUID homeClinicId) {
        directory.lockIdentity(details);
        return directory.likelyDuplicate(details)
                .orElseGet(() -> registerNew(actor, correlationId, details, homeClinicId));
    }

    private UUID registerNew(Actor actor, String correlationId, PatientDetails details, UUID homeClinicId) {
        UUID patientId = UUID.randomUUID();
        commands.sendAs(actor, homeClinicId, correlationId,
                new RegisterPatientCommand(patientId, details, homeClinicId, clock.instant()));
        return patientId;
    }
}
