package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The Spravato REMS patient monitoring form owed for a session, and when. */
@Revision("1")
public record RemsFormDueEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, Instant dueBy) {
}
