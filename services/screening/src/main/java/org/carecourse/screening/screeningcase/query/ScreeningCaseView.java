package org.carecourse.screening.screeningcase.query;

import java.time.Instant;
import java.util.UUID;

public record ScreeningCaseView(UUID caseId, UUID patientId, UUID clinicId, UUID consultationId, String status,
        Instant openedAt, String openedBy) {
}
