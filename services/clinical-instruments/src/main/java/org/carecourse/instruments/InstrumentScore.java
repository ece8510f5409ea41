package org.carecourse.instruments;

/**
 * The scored result of one submission.
 *
 * @param total          sum of item answers (for the C-SSRS screener: number of yes answers)
 * @param band           severity band, e.g. {@code moderate}; for the C-SSRS the risk level
 * @param safetyConcern  whether the result must raise a safety alert at once
 * @param provisionalPtsd PCL-5 only: total at or above the protocol's cut-off
 * @param dsm5ClusterMet PCL-5 only: the DSM-5 symptom-cluster rule is met
 */
public record InstrumentScore(Instrument instrument, int total, String band, boolean safetyConcern,
        Boolean provisionalPtsd, Boolean dsm5ClusterMet) {
}
