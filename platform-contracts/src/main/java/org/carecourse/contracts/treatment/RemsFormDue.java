package org.carecourse.contracts.treatment;

import java.time.Instant;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** A Spravato REMS patient monitoring form is owed by this instant. */
public record RemsFormDue(UUID courseId, UUID sessionId, Instant dueBy) implements EventPayload {
}
