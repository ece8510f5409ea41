package org.carecourse.contracts.treatment;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** An outcome measure against the course baseline. */
public record OutcomeRecorded(
        UUID courseId,
        UUID sessionId,
        @Size(max = FieldLimits.CODE) String instrument,
        int score,
        int baseline,
        int percentChange,
        boolean response,
        boolean remission,
        boolean futility) implements EventPayload {
}
