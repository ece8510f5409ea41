package org.carecourse.treatment.course.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.carecourse.treatment.clinical.Vitals;

/**
 * The corrected values of one charted entry; only those of its {@code entry} are set:
 * {@code weight} (weightKg), {@code vitals} (vitals), {@code stop-time} (stoppedAt) or
 * {@code controlled-substance} (lot, givenMg, wastedMg, witness).
 */
public record Amendment(String entry, BigDecimal weightKg, Vitals vitals, Instant stoppedAt, String lot, BigDecimal givenMg,
        BigDecimal wastedMg, String witness) {

    public static final String WEIGHT = "weight";
    public static final String VITALS = "vitals";
    public static final String STOP_TIME = "stop-time";
    public static final String CONTROLLED_SUBSTANCE = "controlled-substance";
}
