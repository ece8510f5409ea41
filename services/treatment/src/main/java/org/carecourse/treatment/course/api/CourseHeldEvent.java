package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * A newer eligibility decision no longer supports the course ({@code reason}, e.g.
 * {@code eligibility-ineligible}): no session starts until a prescriber decides.
 */
@Revision("1")
public record CourseHeldEvent(UUID courseId, UUID patientId, UUID clinicId, String reason, UUID decisionId, Instant at) {
}
