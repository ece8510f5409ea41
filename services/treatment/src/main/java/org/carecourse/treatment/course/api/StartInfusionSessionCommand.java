package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

/**
 * Pre-checks, dose and start of an IV ketamine infusion at a clinic in {@code clinicZone}. A rule
 * the start would break (dose cap, spacing, the series' count or window) is set aside only by a
 * prescriber's reason in {@code overrideReasons} ({@code by}, and {@code byPrescriber}: whether the
 * one asking holds the prescriber role).
 */
public record StartInfusionSessionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, UUID clinicId, ZoneId clinicZone,
        Vitals vitals, boolean fastingConfirmed, boolean escortConfirmed, BigDecimal weightKg, Instant weightMeasuredAt,
        BigDecimal mgPerKg, Map<OverrideRule, String> overrideReasons, String by, boolean byPrescriber, Instant startedAt) {

    public StartInfusionSessionCommand {
        overrideReasons = overrideReasons == null ? Map.of() : Map.copyOf(overrideReasons);
    }

    public StartInfusionSessionCommand withWeight(BigDecimal weight) {
        return new StartInfusionSessionCommand(courseId, sessionId, clinicId, clinicZone, vitals, fastingConfirmed, escortConfirmed,
                weight, weightMeasuredAt, mgPerKg, overrideReasons, by, byPrescriber, startedAt);
    }
}
