package org.carecourse.screening.eligibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.carecourse.instruments.Modality;

import org.carecourse.screening.protocol.api.ProtocolParameters;
import org.carecourse.screening.screeningcase.api.ClinicalHistory;
import org.carecourse.screening.screeningcase.api.ClinicalHistory.AntidepressantTrial;
import org.carecourse.screening.screeningcase.api.ClinicalHistory.Pregnancy;
import org.carecourse.screening.screeningcase.api.HistoryCondition;
import org.carecourse.screening.screeningcase.api.MedicationClass;

/**
 * The eligibility rules: every rule that applies fires with its inputs; the proposal is the most
 * restrictive effect (ineligible over needs-review over eligible). Numbers and lists come from
 * the clinic's protocol version.
 */
public final class EligibilityRules {

    private EligibilityRules() {
    }

    public static EligibilityProposal evaluate(ClinicalHistory history, Modality modality, ProtocolParameters protocol) {
        List<FiredRule> fired = new ArrayList<>();
        Set<String> conditions = history.conditions().stream().map(HistoryCondition::code)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> medicationClasses = history.medications().stream().map(m -> m.drugClass().code())
                .collect(Collectors.toCollection(TreeSet::new));

        for (String excluded : protocol.absoluteExclusions()) {
            if (conditions.contains(excluded)) {
                fired.add(new FiredRule("absolute-exclusion", Outcome.INELIGIBLE,
                        "history of " + excluded + " excludes treatment", Map.of("condition", excluded)));
            }
        }
        if (modality == Modality.SPRAVATO) {
            for (String excluded : protocol.spravatoExclusions()) {
                if (conditions.contains(excluded)) {
                    fired.add(new FiredRule("spravato-exclusion", Outcome.INELIGIBLE,
                            excluded + " excludes esketamine", Map.of("condition", excluded)));
                }
            }
        }
        boolean bipolar = conditions.contains(HistoryCondition.BIPOLAR_DISORDER.code())
                || conditions.contains(HistoryCondition.CURRENT_MANIA.code());
        if (bipolar && !medicationClasses.contains(MedicationClass.MOOD_STABILISER.code())) {
            fired.add(new FiredRule("bipolar-without-mood-stabiliser", Outcome.INELIGIBLE,
                    "bipolar disorder or mania without a mood stabiliser", Map.of("moodStabiliser", "absent")));
        }
        if (history.pregnancy() == Pregnancy.PREGNANT || history.pregnancy() == Pregnancy.BREASTFEEDING) {
            fired.add(new FiredRule("pregnancy-or-breastfeeding", Outcome.INELIGIBLE,
                    "pregnancy or breastfeeding excludes treatment", Map.of("pregnancy", history.pregnancy().code())));
        }
        if (history.activeSubstanceUseDisorder()) {
            fired.add(new FiredRule("active-substance-use-disorder", Outcome.INELIGIBLE,
                    "an active substance use disorder excludes treatment", Map.of("activeSubstanceUseDisorder", "true")));
        }
        ClinicalHistory.BaselineVitals vitals = history.vitals();
        if (vitals.systolic() > protocol.uncontrolledSystolic() || vitals.diastolic() > protocol.uncontrolledDiastolic()) {
            fired.add(new FiredRule("uncontrolled-hypertension", Outcome.INELIGIBLE,
                    "resting blood pressure above " + protocol.uncontrolledSystolic() + "/" + protocol.uncontrolledDiastolic(),
                    Map.of("bloodPressure", vitals.systolic() + "/" + vitals.diastolic(),
                            "threshold", protocol.uncontrolledSystolic() + "/" + protocol.uncontrolledDiastolic())));
        }
        for (String caution : protocol.relativeCautions()) {
            if (conditions.contains(caution)) {
                fired.add(new FiredRule("relative-caution", Outcome.NEEDS_REVIEW,
                        caution + " needs a prescriber's review", Map.of("condition", caution)));
            }
        }
        for (String medicationClass : protocol.reviewMedicationClasses()) {
            if (medicationClasses.contains(medicationClass)) {
                fired.add(new FiredRule("interacting-medication", Outcome.NEEDS_REVIEW,
                        "current " + medicationClass + " needs a prescriber's review", Map.of("medicationClass", medicationClass)));
            }
        }
        fired.add(treatmentResistance(history.antidepressantTrials(), protocol));

        fired.sort(Comparator.comparing(FiredRule::effect).reversed().thenComparing(FiredRule::rule));
        Outcome outcome = fired.stream().map(FiredRule::effect).max(Comparator.naturalOrder()).orElse(Outcome.ELIGIBLE);
        return new EligibilityProposal(outcome, fired);
    }

    /** Adequate trials: adequate dose, at least the protocol's weeks, and no response. */
    static FiredRule treatmentResistance(List<AntidepressantTrial> trials, ProtocolParameters protocol) {
        long adequateFailed = trials.stream()
                .filter(t -> t.adequateDose() && t.weeks() >= protocol.trdMinimumTrialWeeks()
                        && t.response() != ClinicalHistory.Response.RESPONDED)
                .count();
        Map<String, String> inputs = Map.of("adequateTrialsWithoutResponse", String.valueOf(adequateFailed),
                "required", String.valueOf(protocol.trdMinimumTrials()),
                "minimumWeeks", String.valueOf(protocol.trdMinimumTrialWeeks()));
        return adequateFailed >= protocol.trdMinimumTrials()
                ? new FiredRule("treatment-resistance-met", Outcome.ELIGIBLE,
                        adequateFailed + " adequate trials without response", inputs)
                : new FiredRule("treatment-resistance-not-met", Outcome.NEEDS_REVIEW,
                        "fewer than " + protocol.trdMinimumTrials() + " adequate trials without response", inputs);
    }
}
