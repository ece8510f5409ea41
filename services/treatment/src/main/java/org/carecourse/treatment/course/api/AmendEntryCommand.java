package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects a charted entry of a session (a mistyped weight, reading, time or dose record) with a
 * reason. {@code amends} is the sequence number of the event that charted it (as the timeline
 * shows it); the original stays in the history, the course's state uses the correction.
 */
public record AmendEntryCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, long amends, Amendment corrected,
        String reason, String by, Instant at) {
}
