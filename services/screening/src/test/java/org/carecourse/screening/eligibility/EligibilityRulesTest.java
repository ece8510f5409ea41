package org.carecourse.screening.eligibility;

import org.carecourse.instruments.Modality;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.carecourse.screening.protocol.api.ProtocolParameters;
import org.carecourse.screening.screeningcase.api.ClinicalHistory;
import org.carecourse.screening.screeningcase.api.ClinicalHistory.AntidepressantTrial;
import org.carecourse.screening.screeningcase.api.ClinicalHistory.BaselineVitals;
import org.carecourse.screening.screeningcase.api.ClinicalHistory.Medication;
import org.carecourse.screening.screeningcase.api.ClinicalHistory.Pregnancy;
import org.carecourse.screening.screeningcase.api.ClinicalHistory.Response;
import org.carecourse.screening.screeningcase.api.HistoryCondition;
import org.carecourse.screening.screeningcase.api.MedicationClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EligibilityRulesTest {

    private static final ProtocolParameters PROTOCOL = ProtocolParameters.defaults();
    private static final BaselineVitals NORMAL = new BaselineVitals(128, 82, 72, 98, 70.0, 172.0, Instant.parse("2026-11-02T15:00:00Z"));
    private static final List<AntidepressantTrial> TWO_FAILED_TRIALS = List.of(
            new AntidepressantTrial("sertraline", true, 8, Response.NONE),
            new AntidepressantTrial("venlafaxine", true, 6, Response.PARTIAL));

    /** A treatment-resistant patient with nothing else to note. */
    private static History clean() {
        return new History();
    }

    @Test
    void aTreatmentResistantPatientWithNothingElseIsEligible() {
        EligibilityProposal proposal = EligibilityRules.evaluate(clean().build(), Modality.IV_KETAMINE, PROTOCOL);
        assertThat(proposal.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(proposal.rulesFired()).extracting(FiredRule::rule).containsExactly("treatment-resistance-met");
        assertThat(proposal.rulesFired().get(0).inputs()).containsEntry("adequateTrialsWithoutResponse", "2");
    }

    @Test
    void oneAdequateTrialIsNotTreatmentResistanceAndNeedsReview() {
        EligibilityProposal proposal = EligibilityRules.evaluate(clean().trials(TWO_FAILED_TRIALS.subList(0, 1)).build(),
                Modality.IV_KETAMINE, PROTOCOL);
        assertThat(proposal.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(proposal.rulesFired()).extracting(FiredRule::rule).containsExactly("treatment-resistance-not-met");
    }

    @Test
    void trialsThatAreTooShortUnderDosedOrRespondedDoNotCount() {
        List<AntidepressantTrial> trials = List.of(
                new AntidepressantTrial("sertraline", true, 5, Response.NONE),      // 5 < 6 weeks
                new AntidepressantTrial("escitalopram", false, 10, Response.NONE),  // dose not adequate
                new AntidepressantTrial("bupropion", true, 12, Response.RESPONDED), // it worked
                new AntidepressantTrial("venlafaxine", true, 6, Response.NONE));    // counts: exactly 6 weeks
        FiredRule rule = EligibilityRules.treatmentResistance(trials, PROTOCOL);
        assertThat(rule.rule()).isEqualTo("treatment-resistance-not-met");
        assertThat(rule.inputs()).containsEntry("adequateTrialsWithoutResponse", "1");
    }

    @Test
    void theNumberOfTrialsAndWeeksComeFromTheProtocol() {
        ProtocolParameters stricter = new ProtocolParameters(33, 3, 8, 180, 100, 182, Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(EligibilityRules.evaluate(clean().build(), Modality.IV_KETAMINE, stricter).outcome())
                .isEqualTo(Outcome.NEEDS_REVIEW);
    }

    @ParameterizedTest
    @EnumSource(value = HistoryCondition.class, names = {"PSYCHOSIS", "SCHIZOPHRENIA", "KETAMINE_HYPERSENSITIVITY",
            "RAISED_INTRACRANIAL_PRESSURE", "RECENT_MI_OR_STROKE", "UNSTABLE_ANGINA"})
    void eachAbsoluteExclusionMakesThePatientIneligible(HistoryCondition condition) {
        EligibilityProposal proposal = EligibilityRules.evaluate(clean().condition(condition).build(), Modality.IV_KETAMINE, PROTOCOL);
        assertThat(proposal.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(proposal.rulesFired().get(0).rule()).isEqualTo("absolute-exclusion");
        assertThat(proposal.rulesFired().get(0).inputs()).containsEntry("condition", condition.code());
    }

    @ParameterizedTest
    @EnumSource(value = HistoryCondition.class, names = {"ANEURYSMAL_VASCULAR_DISEASE", "ARTERIOVENOUS_MALFORMATION",
            "INTRACEREBRAL_HAEMORRHAGE"})
    void spravatoExclusionsApplyToSpravatoOnly(HistoryCondition condition) {
        ClinicalHistory history = clean().condition(condition).build();
        assertThat(EligibilityRules.evaluate(history, Modality.SPRAVATO, PROTOCOL).outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(EligibilityRules.evaluate(history, Modality.IV_KETAMINE, PROTOCOL).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void bipolarDisorderNeedsAMoodStabiliser() {
        History bipolar = clean().condition(HistoryCondition.BIPOLAR_DISORDER);
        assertThat(EligibilityRules.evaluate(bipolar.build(), Modality.IV_KETAMINE, PROTOCOL).rulesFired())
                .extracting(FiredRule::rule).contains("bipolar-without-mood-stabiliser");
        bipolar.medication(MedicationClass.MOOD_STABILISER);
        assertThat(EligibilityRules.evaluate(bipolar.build(), Modality.IV_KETAMINE, PROTOCOL).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @ParameterizedTest
    @EnumSource(value = Pregnancy.class, names = {"PREGNANT", "BREASTFEEDING"})
    void pregnancyAndBreastfeedingExclude(Pregnancy pregnancy) {
        History history = clean();
        history.pregnancy = pregnancy;
        assertThat(EligibilityRules.evaluate(history.build(), Modality.IV_KETAMINE, PROTOCOL).outcome()).isEqualTo(Outcome.INELIGIBLE);
    }

    @Test
    void anActiveSubstanceUseDisorderExcludes() {
        History history = clean();
        history.substanceUse = true;
        assertThat(EligibilityRules.evaluate(history.build(), Modality.IV_KETAMINE, PROTOCOL).rulesFired())
                .extracting(FiredRule::rule).containsExactly("active-substance-use-disorder", "treatment-resistance-met");
    }

    @Test
    void bloodPressureAboveTheProtocolThresholdExcludesButAtTheThresholdDoesNot() {
        History at = clean();
        at.vitals = new BaselineVitals(180, 100, 72, 98, 70.0, 172.0, NORMAL.measuredAt());
        assertThat(EligibilityRules.evaluate(at.build(), Modality.IV_KETAMINE, PROTOCOL).outcome()).isEqualTo(Outcome.ELIGIBLE);
        History over = clean();
        over.vitals = new BaselineVitals(181, 90, 72, 98, 70.0, 172.0, NORMAL.measuredAt());
        assertThat(EligibilityRules.evaluate(over.build(), Modality.IV_KETAMINE, PROTOCOL).outcome()).isEqualTo(Outcome.INELIGIBLE);
        History diastolic = clean();
        diastolic.vitals = new BaselineVitals(150, 101, 72, 98, 70.0, 172.0, NORMAL.measuredAt());
        assertThat(EligibilityRules.evaluate(diastolic.build(), Modality.IV_KETAMINE, PROTOCOL).outcome()).isEqualTo(Outcome.INELIGIBLE);
    }

    @ParameterizedTest
    @EnumSource(value = HistoryCondition.class, names = {"CONTROLLED_HYPERTENSION", "GLAUCOMA", "EPILEPSY",
            "ARRHYTHMIA_OR_PROLONGED_QT", "SEVERE_LIVER_DISEASE"})
    void eachRelativeCautionNeedsReview(HistoryCondition condition) {
        EligibilityProposal proposal = EligibilityRules.evaluate(clean().condition(condition).build(), Modality.IV_KETAMINE, PROTOCOL);
        assertThat(proposal.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(proposal.rulesFired().get(0).rule()).isEqualTo("relative-caution");
    }

    @ParameterizedTest
    @EnumSource(value = MedicationClass.class, names = {"BENZODIAZEPINE", "LAMOTRIGINE", "MAOI", "STIMULANT"})
    void eachFlaggedMedicationClassNeedsReview(MedicationClass medicationClass) {
        EligibilityProposal proposal = EligibilityRules.evaluate(clean().medication(medicationClass).build(), Modality.IV_KETAMINE, PROTOCOL);
        assertThat(proposal.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(proposal.rulesFired().get(0).inputs()).containsEntry("medicationClass", medicationClass.code());
    }

    @Test
    void everyRuleThatAppliesIsListedMostRestrictiveFirst() {
        History many = clean().condition(HistoryCondition.PSYCHOSIS).condition(HistoryCondition.GLAUCOMA)
                .medication(MedicationClass.BENZODIAZEPINE);
        EligibilityProposal proposal = EligibilityRules.evaluate(many.build(), Modality.IV_KETAMINE, PROTOCOL);
        assertThat(proposal.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(proposal.rulesFired()).extracting(FiredRule::rule)
                .containsExactly("absolute-exclusion", "interacting-medication", "relative-caution", "treatment-resistance-met");
    }

    private static final class History {
        final Set<HistoryCondition> conditions = new java.util.HashSet<>();
        final List<Medication> medications = new ArrayList<>();
        BaselineVitals vitals = NORMAL;
        Pregnancy pregnancy = Pregnancy.NOT_PREGNANT;
        boolean substanceUse;
        List<AntidepressantTrial> trials = TWO_FAILED_TRIALS;

        History condition(HistoryCondition condition) {
            conditions.add(condition);
            return this;
        }

        History medication(MedicationClass medicationClass) {
            medications.add(new Medication(medicationClass.code() + "-drug", medicationClass));
            return this;
        }

        History trials(List<AntidepressantTrial> trials) {
            this.trials = trials;
            return this;
        }

        ClinicalHistory build() {
            return new ClinicalHistory(conditions, medications, vitals, pregnancy, substanceUse, trials);
        }
    }
}
