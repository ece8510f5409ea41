package org.carecourse.screening.screeningcase.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A submission showed suicide risk: the clinic is alerted and the case is held until follow-up. */
@Revision("1")
public record SafetyAlertRaisedEvent(UUID caseId, UUID alertId, UUID patientId, UUID clinicId, UUID submissionId,
        String trigger, Instant raisedAt) {
}
