package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InfusionResumedEvent(UUID courseId, UUID sessionId, String decision, Instant at) {
}
