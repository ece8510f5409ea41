package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * Follows the reading that showed the patient back under the hold thresholds. Revision 2 names
 * the clinician who decided ({@code decidedBy}); revision 1 events read it as null (the actor
 * of the event's metadata decided).
 */
@Revision("2")
public record InfusionResumedEvent(UUID courseId, UUID sessionId, String decision, String decidedBy, Instant at) {
}
