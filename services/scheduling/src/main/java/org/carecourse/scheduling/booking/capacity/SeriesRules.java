package org.carecourse.scheduling.booking.capacity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;

/**
 * A series' own rules, before any slot is looked at: its spacing and window (as {@link
 * TreatmentSpacing} settled them against the course plan) and never more sessions than the plan.
 * Spacing in hours is elapsed time; a window in days is calendar days on the clinic's clock, so a
 * Friday 09:00 to Monday 09:00 is three days whether or not the clocks changed in between.
 */
public final class SeriesRules {

    private SeriesRules() {
    }

    /**
     * Checks the sorted {@code starts}; answers the spacing that held (alternatives keep it).
     *
     * @param plannedCount the course plan's session count, or null when there is no plan
     */
    public static Duration check(List<Instant> starts, ZoneId zone, Integer spacingHours, Integer windowDays, Integer plannedCount) {
        if (spacingHours == null || windowDays == null) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-plan-required", "a series needs its minimum spacing and"
                    + " window, from the request or the patient's course plan");
        }
        if (plannedCount != null && starts.size() > plannedCount) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-exceeds-plan", "the course plans " + plannedCount
                    + " sessions, not " + starts.size());
        }
        Duration spacing = Duration.ofHours(spacingHours);
        for (int i = 1; i < starts.size(); i++) {
            if (Duration.between(starts.get(i - 1), starts.get(i)).compareTo(spacing) < 0) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-spacing", starts.get(i - 1) + " and " + starts.get(i)
                        + " are less than " + spacingHours + " h apart");
            }
        }
        Instant lastAllowed = starts.get(0).atZone(zone).plusDays(windowDays).toInstant();
        if (starts.get(starts.size() - 1).isAfter(lastAllowed)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-window", "the series runs past its " + windowDays
                    + "-day window on the clinic's clock (" + zone + ")");
        }
        return spacing;
    }
}
