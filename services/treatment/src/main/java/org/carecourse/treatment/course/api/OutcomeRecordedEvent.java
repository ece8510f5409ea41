package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * An instrument submission scored against the course's baseline for it. {@code target} marks the
 * course's target instrument, the only one futility is judged on. Without a baseline,
 * {@code baseline}, {@code percentChange} and {@code response} are null. Revision 2 keeps the item
 * answers, the band and the submission's id; revision 1 (PHQ-9 totals only) reads them as null.
 */
@Revision("2")
public record OutcomeRecordedEvent(UUID courseId, UUID patientId, UUID submissionId, UUID sessionId, UUID clinicId, String instrument,
        List<Integer> items, int score, String band, Integer baseline, Integer percentChange, Boolean response, Boolean remission,
        boolean futility, boolean target, Instant at) {
}
