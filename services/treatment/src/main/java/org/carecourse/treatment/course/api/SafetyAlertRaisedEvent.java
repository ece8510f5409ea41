package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * A suicide-risk finding during the course ({@code trigger}, e.g. {@code phq-9-item-9}). Raised by
 * the course's own measurement ({@code source} {@code treatment}) or entered from screening
 * ({@code screening}, {@code sourceEventId} the screening event). While open, no session starts.
 */
@Revision("1")
public record SafetyAlertRaisedEvent(UUID courseId, UUID patientId, UUID alertId, UUID clinicId, String trigger, String source,
        UUID sourceEventId, Instant at) {
}
