package org.carecourse.consultations.consultation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ConsultationRequestedEvent(
        UUID consultationId,
        UUID patientId,
        UUID clinicId,
        PatientDetails patient,
        List<Condition> conditions,
        Instant requestedAt) {
}
