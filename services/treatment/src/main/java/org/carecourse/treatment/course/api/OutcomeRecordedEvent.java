package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OutcomeRecordedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, String instrument,
        int score, int baseline, int percentChange, boolean response, boolean remission, boolean futility, Instant at) {
}
