package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The documented follow-up of a safety alert: by the course's prescriber ({@code resolvedBy}, with
 * the safety plan), or entered from screening's follow-up of its own alert ({@code source}
 * {@code screening}, the plan staying in screening).
 */
@Revision("1")
public record SafetyAlertResolvedEvent(UUID courseId, UUID patientId, UUID alertId, UUID clinicId, String source,
        String disposition, String safetyPlan, String resolvedBy, Instant at) {
}
