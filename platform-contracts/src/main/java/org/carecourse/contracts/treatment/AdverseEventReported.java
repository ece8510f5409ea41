package org.carecourse.contracts.treatment;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** An adverse event during a session. */
public record AdverseEventReported(UUID courseId, UUID sessionId, String type, String severity, String action) implements EventPayload {
}
