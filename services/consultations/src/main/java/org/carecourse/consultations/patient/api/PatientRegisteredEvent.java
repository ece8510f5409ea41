package org.carecourse.consultations.patient.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PatientRegisteredEvent(UUID patientId, PatientDetails details, UUID homeClinicId, Instant registeredAt) {
}
