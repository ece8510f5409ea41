package org.carecourse.treatment.course.api;

/** The planned series: induction infusions within a window, minimum spacing, boosters after. */
public record CoursePlan(int inductionCount, int inductionWindowDays, int minimumSpacingHours, boolean boosters) {
}
