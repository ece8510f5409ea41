package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

/**
 * Pre-checks, dose and start of an IV ketamine infusion. A dose above the cap needs
 * {@code capOverrideReason}, a start sooner than the minimum spacing {@code spacingOverrideReason};
 * both are a prescriber's, {@code by}.
 */
public record StartInfusionSessionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, UUID clinicId,
        Vitals vitals, boolean fastingConfirmed, boolean escortConfirmed, BigDecimal weightKg, Instant weightMeasuredAt,
        BigDecimal mgPerKg, String capOverrideReason, String spacingOverrideReason, String by, Instant startedAt) {

    public StartInfusionSessionCommand withWeight(BigDecimal weight) {
        return new StartInfusionSessionCommand(courseId, sessionId, clinicId, vitals, fastingConfirmed, escortConfirmed, weight,
                weightMeasuredAt, mgPerKg, capOverrideReason, spacingOverrideReason, by, startedAt);
    }
}
