package org.carecourse.contracts.treatment;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** An outcome measure against the course baseline. */
public record OutcomeRecorded(UUID courseId, UUID sessionId, String instrument, int score, int baseline, int percentChange, boolean response, boolean remission, boolean futility) implements EventPayload {
}
