package org.carecourse.screening.screeningcase.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.instruments.InstrumentAnswers;
import org.carecourse.instruments.InstrumentScore;

/** A scored submission with every item answer as given. */
@Revision("1")
public record InstrumentScoredEvent(UUID caseId, UUID patientId, UUID clinicId, UUID submissionId,
        InstrumentAnswers answers, InstrumentScore score, Instant submittedAt) {
}
