package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

/** Pre-checks, dose and start of an IV ketamine infusion; a dose above the cap needs {@code capOverrideReason}. */
public record StartInfusionSessionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, UUID clinicId,
        Vitals vitals, boolean fastingConfirmed, boolean escortConfirmed, BigDecimal weightKg, Instant weightMeasuredAt,
        BigDecimal mgPerKg, String capOverrideReason, Instant startedAt) {

    public StartInfusionSessionCommand withWeight(BigDecimal weight) {
        return new StartInfusionSessionCommand(courseId, sessionId, clinicId, vitals, fastingConfirmed, escortConfirmed, weight,
                weightMeasuredAt, mgPerKg, capOverrideReason, startedAt);
    }
}
