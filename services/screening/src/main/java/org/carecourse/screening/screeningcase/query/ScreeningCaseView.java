package org.carecourse.screening.screeningcase.query;

import java.time.Instant;
import java.util.UUID;

/** A case's header: what any clinic staff member may see (no answers, no history). */
public record ScreeningCaseView(UUID caseId, UUID patientId, UUID clinicId, UUID consultationId, String status,
        Instant openedAt, String openedBy, UUID openAlertId, String decidedOutcome) {
}
