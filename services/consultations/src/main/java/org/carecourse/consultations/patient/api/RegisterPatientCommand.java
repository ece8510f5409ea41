package org.carecourse.consultations.patient.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterPatientCommand(@TargetAggregateIdentifier UUID patientId, PatientDetails details, UUID homeClinicId,
        Instant registeredAt) {
}
