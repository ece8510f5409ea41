package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ExternalFactRecordedEvent(UUID courseId, UUID patientId, String sourceService, UUID sourceEventId,
        String factType, Map<String, String> facts, Instant occurredAt) {
}
