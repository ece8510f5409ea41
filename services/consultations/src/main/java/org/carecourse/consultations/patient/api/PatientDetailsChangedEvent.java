package org.carecourse.consultations.patient.api;

import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** New demographics; the previous ones stay in the patient's earlier events. */
@Revision("1")
public record PatientDetailsChangedEvent(UUID patientId, PatientDetails details, UUID homeClinicId, List<String> changedFields) {
}
