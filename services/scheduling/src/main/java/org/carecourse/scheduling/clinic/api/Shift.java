package org.carecourse.scheduling.clinic.api;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly working range on the clinic's clock. */
public record Shift(DayOfWeek day, LocalTime from, LocalTime to) {

    public boolean covers(DayOfWeek on, LocalTime start, LocalTime end) {
        return day == on && !start.isBefore(from) && !end.isAfter(to);
    }

    public boolean overlaps(Shift other) {
        return day == other.day && from.isBefore(other.to) && other.from.isBefore(to);
    }
}
