package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A reading crossed a hold threshold: the infusion is paused until a clinician decides. */
@Revision("1")
public record DoseHeldEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, List<String> reasons, Instant at) {
}
