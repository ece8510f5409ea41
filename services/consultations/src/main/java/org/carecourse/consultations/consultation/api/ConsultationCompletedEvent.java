package org.carecourse.consultations.consultation.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ConsultationCompletedEvent(UUID consultationId, UUID patientId, UUID clinicId, ConsultOutcome outcome,
        String reason, Instant completedAt) {
}
