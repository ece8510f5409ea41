package org.carecourse.consultations.consultation.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A consultation request as staff see it in a clinic's queue (no demographics yet). */
public record ConsultationView(UUID consultationId, UUID patientId, UUID clinicId, List<String> conditions,
        String status, Instant requestedAt, String requestedBy) {
}
