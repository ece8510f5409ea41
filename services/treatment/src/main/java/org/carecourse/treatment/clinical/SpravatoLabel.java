package org.carecourse.treatment.clinical;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;

/**
 * What Spravato's (esketamine nasal spray) label fixes for treatment-resistant depression, the
 * same at every clinic and so not protocol data: the doses a session may give, the first dose,
 * and how often doses may come during induction and after it. The clinic's own numbers
 * (observation time, blood-pressure delay, the REMS form's deadline) are in {@link TreatmentProtocol}.
 */
public final class SpravatoLabel {

    /** The doses a session may give: two or three 28 mg devices. */
    public static final Set<Integer> DOSES_MG = Set.of(56, 84);

    /** The first dose of a course. */
    public static final int FIRST_DOSE_MG = 56;

    /** Induction: the weeks after the first dose during which twice-weekly dosing is allowed. */
    public static final Duration INDUCTION = Duration.ofDays(28);

    /** The rolling window the dose counts are taken over. */
    public static final Duration WEEK = Duration.ofDays(7);

    /** Doses allowed in any {@link #WEEK} during {@link #INDUCTION}, and after it. */
    public static final int DOSES_PER_WEEK_IN_INDUCTION = 2;
    public static final int DOSES_PER_WEEK_AFTER_INDUCTION = 1;

    private SpravatoLabel() {
    }

    /** A session gives one of the label's doses. */
    public static void requireLabelDose(int doseMg) {
        if (!DOSES_MG.contains(doseMg)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "spravato-dose", "Spravato is dosed "
                    + DOSES_MG.stream().sorted().map(mg -> mg + " mg").collect(Collectors.joining(" or ")));
        }
    }

    /** The course's first dose is the label's first dose. */
    public static void requireFirstDose(int doseMg, boolean first) {
        if (first && doseMg != FIRST_DOSE_MG) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "spravato-first-dose", "the first Spravato dose is " + FIRST_DOSE_MG + " mg");
        }
    }

    /**
     * The label's induction schedule: at most two doses in any 7 days during weeks 1–4 after the
     * first dose, at most one from week 5 on (weekly, then weekly or every two weeks).
     *
     * @param earlierDoses the course's doses so far, first one first
     */
    public static void requireSchedule(List<Instant> earlierDoses, Instant dosedAt) {
        if (earlierDoses.isEmpty()) {
            return;
        }
        boolean inInduction = dosedAt.isBefore(earlierDoses.get(0).plus(INDUCTION));
        int allowed = inInduction ? DOSES_PER_WEEK_IN_INDUCTION : DOSES_PER_WEEK_AFTER_INDUCTION;
        long inLastWeek = earlierDoses.stream().filter(dose -> dose.isAfter(dosedAt.minus(WEEK))).count();
        if (inLastWeek >= allowed) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "spravato-schedule", (inInduction ? "weeks 1-4 allow two"
                    : "from week 5 one") + " Spravato dose(s) in any 7 days");
        }
    }
}
