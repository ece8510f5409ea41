package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.Vitals;

/**
 * A Spravato dose; above the pre-dose BP delay threshold it proceeds only on a prescriber's reason
 * ({@code by}, and {@code byPrescriber}: whether the one asking holds the prescriber role).
 */
public record StartSpravatoSessionCommand(@TargetAggregateIdentifier UUID courseId, UUID sessionId, UUID clinicId, ZoneId clinicZone,
        int doseMg, Vitals preDoseVitals, Map<OverrideRule, String> overrideReasons, String by, boolean byPrescriber,
        Instant dosedAt) {

    public StartSpravatoSessionCommand {
        overrideReasons = overrideReasons == null ? Map.of() : Map.copyOf(overrideReasons);
    }
}
