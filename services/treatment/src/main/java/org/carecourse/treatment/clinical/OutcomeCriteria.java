package org.carecourse.treatment.clinical;

/**
 * How a course judges one instrument against its baseline: response is a drop of at least
 * {@code responseDropPercent} % of the baseline, remission a score below {@code remissionBelow}.
 */
public record OutcomeCriteria(int responseDropPercent, int remissionBelow) {
}
