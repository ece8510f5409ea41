package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

public record StartSpravatoSessionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, UUID clinicId, int doseMg,
        Vitals preDoseVitals, String proceedAboveBpReason, Instant dosedAt) {
}
