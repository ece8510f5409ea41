package org.carecourse.treatment.course.api;

import org.carecourse.treatment.clinical.TreatmentProtocol;

/** The planned series: induction infusions within a window, minimum spacing, boosters after. */
public record CoursePlan(int inductionCount, int inductionWindowDays, int minimumSpacingHours, boolean boosters) {

    /** The protocol's own series, with boosters after it. */
    public static CoursePlan following(TreatmentProtocol.SeriesPlan series) {
        return new CoursePlan(series.inductionCount(), series.inductionWindowDays(), series.minimumSpacingHours(), true);
    }
}
