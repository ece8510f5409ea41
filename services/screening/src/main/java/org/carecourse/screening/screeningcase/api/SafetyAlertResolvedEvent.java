package org.carecourse.screening.screeningcase.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record SafetyAlertResolvedEvent(UUID caseId, UUID alertId, UUID patientId, UUID clinicId,
        UUID cssrsSubmissionId, String cssrsRisk, String safetyPlan, SafetyDisposition disposition, Instant resolvedAt) {
}
