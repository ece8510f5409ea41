package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The hold ends: a prescriber decided to continue ({@code decidedBy} and why), or a newer eligible
 * decision arrived from screening ({@code decidedBy} null, {@code decisionId} set).
 */
@Revision("1")
public record CourseHoldLiftedEvent(UUID courseId, UUID patientId, UUID clinicId, String reason, String decidedBy, UUID decisionId,
        Instant at) {
}
