package org.carecourse.treatment.clinical;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How a course judges one instrument against its baseline: response is a drop of at least
 * {@code responseDropPercent} % of the baseline, remission a score below {@code remissionBelow}.
 */
public record OutcomeCriteria(@Min(10) @Max(90) int responseDropPercent, @Min(1) @Max(80) int remissionBelow) {
}
