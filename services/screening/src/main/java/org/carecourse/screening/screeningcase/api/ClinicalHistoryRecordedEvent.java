package org.carecourse.screening.screeningcase.api;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ClinicalHistoryRecordedEvent(UUID caseId, UUID patientId, UUID clinicId, ClinicalHistory history) {
}
