package org.carecourse.scheduling.booking.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;

/**
 * A series' own rules, before any slot is looked at: its spacing and window (as asked, else the
 * course plan's) and never more sessions than the plan.
 */
public final class SeriesRules {

    private SeriesRules() {
    }

    /**
     * Checks the sorted {@code starts}; answers the spacing that held (alternatives keep it).
     *
     * @param plannedCount the course plan's session count, or null when there is no plan
     */
    public static Duration check(List<Instant> starts, Integer spacingHours, Integer windowDays, Integer plannedCount) {
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
        if (Duration.between(starts.get(0), starts.get(starts.size() - 1)).compareTo(Duration.ofDays(windowDays)) > 0) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-window", "the series runs past its " + windowDays + "-day window");
        }
        return spacing;
    }
}
