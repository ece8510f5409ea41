package org.carecourse.consultations.patient.api;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangePatientDetailsCommand(@TargetAggregateIdentifier UUID patientId, PatientDetails details, UUID homeClinicId) {
}
