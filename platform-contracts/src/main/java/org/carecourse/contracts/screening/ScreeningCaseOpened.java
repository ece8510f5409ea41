package org.carecourse.contracts.screening;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** A screening case was opened for a patient at a clinic, from a consultation request or by staff. */
public record ScreeningCaseOpened(UUID caseId, UUID patientId, UUID clinicId, UUID consultationId)
        implements EventPayload {
}
