package org.carecourse.scheduling.clinic.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a clinic sees patients, on its own clock: opening ranges per weekday (none: closed that
 * day) and closed dates (holidays). Local times, so a DST change moves nothing a patient sees.
 */
public record OpeningHours(Map<DayOfWeek, List<Range>> weekly, Set<LocalDate> closures) {

    public OpeningHours {
        weekly = Map.copyOf(weekly);
        closures = Set.copyOf(closures);
    }

    /** Whether {@code [from, to)} on {@code day} lies within one opening range. */
    public boolean covers(LocalDate day, LocalTime from, LocalTime to) {
        return !closures.contains(day) && weekly.getOrDefault(day.getDayOfWeek(), List.of()).stream()
                .anyMatch(range -> !from.isBefore(range.opens()) && !to.isAfter(range.closes()));
    }

    public record Range(LocalTime opens, LocalTime closes) {
    }
}
