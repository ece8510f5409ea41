package org.carecourse.contracts.treatment;

import java.time.Instant;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** The patient was discharged from a session. */
public record SessionCompleted(UUID courseId, UUID sessionId, Instant completedAt) implements EventPayload {
}
