package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A newer eligible decision for the course's modality: the course is valid until its date. */
@Revision("1")
public record EligibilityRenewedEvent(UUID courseId, UUID patientId, EligibilityRef eligibility, Instant at) {
}
