package org.carecourse.treatment.course.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.Vitals;

@Revision("1")
public record SessionVitalsRecordedEvent(UUID courseId, UUID sessionId, Vitals vitals) {
}
