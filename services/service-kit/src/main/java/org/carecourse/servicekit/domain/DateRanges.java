package org.carecourse.servicekit.domain;

import java.time.LocalDate;

/** The one rule every report's range meets: from a day to the same or a later day, at most so many days. */
public final class DateRanges {

    private DateRanges() {
    }

    /** Refuses (422 {@code report-range}) a range that runs backwards or longer than {@code maxDays}. */
    public static void require(LocalDate from, LocalDate to, int maxDays) {
        if (to.isBefore(from) || from.plusDays(maxDays).isBefore(to)) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, "report-range",
                    "a range runs from a day to the same or a later day, at most " + maxDays + " days");
        }
    }
}
