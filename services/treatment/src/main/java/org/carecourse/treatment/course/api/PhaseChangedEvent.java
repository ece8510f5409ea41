package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PhaseChangedEvent(UUID courseId, UUID patientId, Phase from, Phase to, String reason, Instant at) {
}
