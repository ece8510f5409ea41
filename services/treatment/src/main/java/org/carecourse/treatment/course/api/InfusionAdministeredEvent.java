package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InfusionAdministeredEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, Instant startedAt,
        Instant stoppedAt, BigDecimal mgGiven, BigDecimal mgPerKg, BigDecimal weightKg) {
}
