package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

public record CompleteSessionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, Vitals dischargeVitals,
        boolean escortConfirmed, Instant completedAt) {
}
