package org.carecourse.treatment.clinical;

/**
 * One score against the course's baseline for its instrument: response is a drop of at least the
 * protocol's percentage, remission a score under its threshold (PHQ-9: 50 %, under 5). Without a
 * baseline neither can be judged (null). Futility is judged on the course's target instrument
 * only: no response yet after the protocol's number of completed treatments (IV or Spravato).
 */
public record OutcomeAssessment(Integer baseline, int score, Integer percentChange, Boolean response, Boolean remission,
        boolean futility) {

    public static OutcomeAssessment of(Integer baseline, int score, OutcomeCriteria criteria, boolean target,
            int treatmentsCompleted, boolean respondedBefore, int futilityAfterTreatments) {
        boolean remission = score < criteria.remissionBelow();
        if (baseline == null) {
            return new OutcomeAssessment(null, score, null, null, remission, false);
        }
        boolean response = baseline > 0 && (baseline - score) * 100 >= criteria.responseDropPercent() * baseline;
        int percentChange = baseline == 0 ? 0 : Math.round((score - baseline) * 100f / baseline);
        boolean futility = target && !response && !respondedBefore && treatmentsCompleted >= futilityAfterTreatments;
        return new OutcomeAssessment(baseline, score, percentChange, response, remission, futility);
    }
}
