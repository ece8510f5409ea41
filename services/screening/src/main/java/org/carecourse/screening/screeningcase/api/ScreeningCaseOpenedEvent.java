package org.carecourse.screening.screeningcase.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ScreeningCaseOpenedEvent(UUID caseId, UUID patientId, UUID clinicId, UUID consultationId, Instant openedAt) {
}
