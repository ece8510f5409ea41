package org.carecourse.contracts.treatment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** An infusion was held because a reading crossed a threshold. */
public record DoseHeld(UUID courseId, UUID sessionId, List<String> reasons, Instant at) implements EventPayload {
}
