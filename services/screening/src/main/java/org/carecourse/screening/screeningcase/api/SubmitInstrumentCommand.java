package org.carecourse.screening.screeningcase.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.instruments.InstrumentAnswers;

/** Submits one instrument; {@code pcl5Cutoff} comes from the clinic's protocol in effect. */
public record SubmitInstrumentCommand(@TargetAggregateIdentifier UUID caseId, UUID submissionId,
        InstrumentAnswers answers, int pcl5Cutoff, Instant submittedAt, UUID alertId) {
}
