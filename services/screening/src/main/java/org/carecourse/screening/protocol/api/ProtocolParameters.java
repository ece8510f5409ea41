package org.carecourse.screening.protocol.api;

import java.util.Set;

/**
 * A clinic's screening protocol: the numbers and lists eligibility is judged by. Clinical
 * numbers are clinic data, never constants in code; every decision keeps the version it used.
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
        int pcl5Cutoff,
        int trdMinimumTrials,
        int trdMinimumTrialWeeks,
        int uncontrolledSystolic,
        int uncontrolledDiastolic,
        int decisionValidDays,
        Set<String> absoluteExclusions,
        Set<String> spravatoExclusions,
        Set<String> relativeCautions,
        Set<String> reviewMedicationClasses) {

    public ProtocolParameters {
        absoluteExclusions = Set.copyOf(absoluteExclusions);
        spravatoExclusions = Set.copyOf(spravatoExclusions);
        relativeCautions = Set.copyOf(relativeCautions);
        reviewMedicationClasses = Set.copyOf(reviewMedicationClasses);
    }

    /** The published defaults a clinic starts from (see docs/services/screening.md). */
    public static ProtocolParameters defaults() {
        return new ProtocolParameters(33, 2, 6, 180, 100, 182,
                Set.of("psychosis", "schizophrenia", "ketamine-hypersensitivity", "raised-intracranial-pressure",
                        "recent-mi-or-stroke", "unstable-angina"),
                Set.of("aneurysmal-vascular-disease", "arteriovenous-malformation", "intracerebral-haemorrhage"),
                Set.of("controlled-hypertension", "glaucoma", "epilepsy", "arrhythmia-or-prolonged-qt",
                        "severe-liver-disease"),
                Set.of("benzodiazepine", "lamotrigine", "maoi", "stimulant"));
    }
}
