package org.carecourse.contracts.treatment;

import java.time.Instant;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** The REMS form for a session was submitted. */
public record RemsFormSubmitted(
        UUID courseId,
        UUID sessionId,
        Instant submittedAt,
        boolean late) implements EventPayload {
}
