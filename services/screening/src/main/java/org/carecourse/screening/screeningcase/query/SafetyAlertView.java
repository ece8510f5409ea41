package org.carecourse.screening.screeningcase.query;

import java.time.Instant;
import java.util.UUID;

public record SafetyAlertView(UUID alertId, UUID caseId, UUID patientId, UUID clinicId, String trigger, String status,
        Instant raisedAt, Instant resolvedAt, String disposition) {
}
