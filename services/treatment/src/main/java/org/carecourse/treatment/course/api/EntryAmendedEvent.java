package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A charted entry corrected: it cites the event it amends (by sequence number) and says who, when and why. */
@Revision("1")
public record EntryAmendedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, long amends, Amendment corrected,
        String reason, String amendedBy, Instant at) {
}
