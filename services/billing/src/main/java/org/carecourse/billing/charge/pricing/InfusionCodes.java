package org.carecourse.billing.charge.pricing;

import java.time.Duration;
import java.time.Instant;

/**
 * CPT codes of an IV infusion by how long it ran, from start to stop: more than 15 minutes is an
 * infusion (96365, the first hour); 15 minutes or less is a push (96374). Each hour after the
 * first adds 96366 once at least 31 minutes of it have run (so 90 minutes bill 96365 alone and 91
 * minutes add one 96366).
 */
public record InfusionCodes(String initialCode, int additionalHours) {

    public static final String INFUSION_FIRST_HOUR = "96365";
    public static final String INFUSION_ADDITIONAL_HOUR = "96366";
    public static final String PUSH = "96374";

    private static final long PUSH_AT_MOST_SECONDS = Duration.ofMinutes(15).toSeconds();
    private static final long HOUR_SECONDS = Duration.ofHours(1).toSeconds();
    private static final long ADD_ON_AT_LEAST_SECONDS = Duration.ofMinutes(31).toSeconds();

    public static InfusionCodes of(Instant startedAt, Instant stoppedAt) {
        long seconds = Math.max(0, Duration.between(startedAt, stoppedAt).toSeconds());
        if (seconds <= PUSH_AT_MOST_SECONDS) {
            return new InfusionCodes(PUSH, 0);
        }
        long beyondFirstHour = seconds - HOUR_SECONDS;
        if (beyondFirstHour <= 0) {
            return new InfusionCodes(INFUSION_FIRST_HOUR, 0);
        }
        long fullHours = beyondFirstHour / HOUR_SECONDS;
        boolean partialCounts = beyondFirstHour % HOUR_SECONDS >= ADD_ON_AT_LEAST_SECONDS;
        return new InfusionCodes(INFUSION_FIRST_HOUR, (int) fullHours + (partialCounts ? 1 : 0));
    }
}
