package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.carecourse.instruments.Modality;

import org.axonframework.serialization.Revision;

/** A session ended without a discharge. An infusion still running was stopped first (its InfusionAdministered precedes this). */
@Revision("1")
public record SessionAbortedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, Modality modality,
        AbortReason reason, String note, Instant at) {
}
