package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.instruments.Instrument;

/** An instrument submission during the course: its item answers, in item order. */
public record RecordOutcomeCommand(@TargetAggregateIdentifier UUID courseId, UUID submissionId, UUID sessionId, Instrument instrument,
        List<Integer> items, Instant at) {

    public RecordOutcomeCommand {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
