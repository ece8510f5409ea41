package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ControlledSubstanceRecordedEvent(UUID courseId, UUID sessionId, String lot, BigDecimal givenMg,
        BigDecimal wastedMg, String witness) {
}
