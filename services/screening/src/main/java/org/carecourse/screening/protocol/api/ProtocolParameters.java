package org.carecourse.screening.protocol.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.screening.screeningcase.api.HistoryCondition;
import org.carecourse.screening.screeningcase.api.MedicationClass;
import org.carecourse.servicekit.data.JsonResources;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A clinic's screening protocol: the numbers and lists eligibility is judged by. Clinical
 * numbers are clinic data, never constants in code; every decision keeps the version it used.
 * The published defaults are one file, {@code protocol/screening-protocol-defaults.json}; a
 * clinic publishes the same shape, each number bounded here to a plausible range.
 *
 * @param pcl5Cutoff                PCL-5 total at or above which PTSD is provisional (31–33 in use)
 * @param trdMinimumTrials          adequate antidepressant trials without response that make depression treatment-resistant
 * @param trdMinimumTrialWeeks      weeks a trial must last to count as adequate
 * @param uncontrolledSystolic      resting systolic BP above which hypertension is uncontrolled (exclusion)
 * @param uncontrolledDiastolic     resting diastolic BP above which hypertension is uncontrolled (exclusion)
 * @param decisionValidDays         how long a signed decision stays valid
 * @param absoluteExclusions        history conditions that make a patient ineligible
 * @param spravatoExclusions        further exclusions when the modality is Spravato
 * @param relativeCautions          history conditions that need a prescriber's review
 * @param reviewMedicationClasses   current medication classes that need a prescriber's review
 */
public record ProtocolParameters(
        @Min(20) @Max(60) int pcl5Cutoff,
        @Min(1) @Max(5) int trdMinimumTrials,
        @Min(2) @Max(26) int trdMinimumTrialWeeks,
        @Min(120) @Max(240) int uncontrolledSystolic,
        @Min(70) @Max(140) int uncontrolledDiastolic,
        @Min(1) @Max(730) int decisionValidDays,
        @NotNull @Size(max = FieldLimits.LIST) Set<@NotNull @Size(max = FieldLimits.LINE) String> absoluteExclusions,
        @NotNull @Size(max = FieldLimits.LIST) Set<@NotNull @Size(max = FieldLimits.LINE) String> spravatoExclusions,
        @NotNull @Size(max = FieldLimits.LIST) Set<@NotNull @Size(max = FieldLimits.LINE) String> relativeCautions,
        @NotNull @Size(max = FieldLimits.LIST) Set<@NotNull @Size(max = FieldLimits.LINE) String> reviewMedicationClasses) {

    private static final ProtocolParameters PUBLISHED_DEFAULTS = JsonResources.read(ProtocolParameters.class,
            "/protocol/screening-protocol-defaults.json");

    /** Lists are kept unmodifiable; a missing one stays missing for validation to name (400), not a crash. */
    public ProtocolParameters {
        absoluteExclusions = unmodifiable(absoluteExclusions);
        spravatoExclusions = unmodifiable(spravatoExclusions);
        relativeCautions = unmodifiable(relativeCautions);
        reviewMedicationClasses = unmodifiable(reviewMedicationClasses);
    }

    @JsonIgnore
    @AssertTrue(message = "lists must name known history conditions")
    public boolean isConditionsKnown() {
        return Stream.of(absoluteExclusions, spravatoExclusions, relativeCautions).filter(Objects::nonNull).flatMap(Set::stream)
                .allMatch(code -> code != null && HistoryCondition.find(code).isPresent());
    }

    @JsonIgnore
    @AssertTrue(message = "must name known medication classes")
    public boolean isReviewMedicationClassesKnown() {
        return reviewMedicationClasses == null
                || reviewMedicationClasses.stream().allMatch(code -> code != null && MedicationClass.find(code).isPresent());
    }

    /** The published defaults a clinic starts from, one file read by name (see docs/services/screening.md). */
    public static ProtocolParameters defaults() {
        return PUBLISHED_DEFAULTS;
    }

    private static Set<String> unmodifiable(Set<String> values) {
        return values == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
