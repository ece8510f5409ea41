package org.carecourse.treatment.clinical;

/**
 * PHQ-9 against the course baseline: response is a drop of at least 50 %, remission a score
 * under 5; futility is flagged when the protocol's number of infusions passed without response.
 */
public record OutcomeAssessment(int baseline, int score, int percentChange, boolean response, boolean remission,
        boolean futility) {

    public static OutcomeAssessment of(int baseline, int score, int infusionsGiven, boolean respondedBefore,
            TreatmentProtocol protocol) {
        boolean response = baseline > 0 && (baseline - score) * 2 >= baseline;
        boolean remission = score < 5;
        int percentChange = baseline == 0 ? 0 : Math.round((score - baseline) * 100f / baseline);
        boolean futility = !response && !respondedBefore && infusionsGiven >= protocol.futilityAfterInfusions();
        return new OutcomeAssessment(baseline, score, percentChange, response, remission, futility);
    }
}
