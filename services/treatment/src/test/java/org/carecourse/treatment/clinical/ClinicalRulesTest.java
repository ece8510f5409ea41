package org.carecourse.treatment.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.carecourse.instruments.Instrument;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClinicalRulesTest {

    private static final TreatmentProtocol P = TreatmentProtocol.defaults();
    private static final Instant AT = Instant.parse("2026-11-10T15:00:00Z");

    @ParameterizedTest(name = "{0} mg/kg x {1} kg = {2} mg")
    @CsvSource({"0.5,70,35.0", "0.5,72.35,36.2", "0.5,72.25,36.1", "0.75,81.3,61.0", "1.0,100,100.0"})
    void theDoseIsMgPerKgTimesWeightRoundedToATenthOfAMilligram(String mgPerKg, String weight, String mg) {
        Dose dose = Dosing.calculate(new BigDecimal(mgPerKg), new BigDecimal(weight), P);
        assertThat(dose.mg()).isEqualByComparingTo(mg);
        assertThat(dose.aboveCap()).isFalse();
    }

    @Test
    void aDoseAboveTheCapNeedsAnOverrideAndAtTheCapDoesNot() {
        assertThat(Dosing.calculate(new BigDecimal("1.0"), new BigDecimal("100.0"), P).aboveCap()).isFalse();
        assertThat(Dosing.calculate(new BigDecimal("1.0"), new BigDecimal("100.1"), P).aboveCap()).isTrue();
    }

    @Test
    void mgPerKgMustStayInTheProtocolsRange() {
        assertThatThrownBy(() -> Dosing.calculate(new BigDecimal("0.29"), new BigDecimal("70"), P))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("mgPerKg");
        assertThatThrownBy(() -> Dosing.calculate(new BigDecimal("1.01"), new BigDecimal("70"), P))
                .isInstanceOf(InvalidFieldException.class);
        assertThat(Dosing.calculate(new BigDecimal("0.3"), new BigDecimal("70"), P).mg()).isEqualByComparingTo("21.0");
    }

    @ParameterizedTest(name = "{0}/{1} HR {2} SpO2 {3}: may start {4}")
    @CsvSource({
            "159,99,109,95,true", "160,100,110,94,true",   // just under, at the limits
            "161,100,110,94,false", "160,101,110,94,false", // over on BP
            "160,100,111,94,false", "160,100,110,93,false"}) // over on HR, under on SpO2
    void startThresholdsAreInclusiveLimits(int sys, int dia, int hr, int spo2, boolean mayStart) {
        assertThat(new Vitals(sys, dia, hr, spo2, AT).startViolations(P).isEmpty()).isEqualTo(mayStart);
    }

    @ParameterizedTest(name = "{0}/{1} SpO2 {2}: hold {3}")
    @CsvSource({"179,109,93,false", "180,110,92,false", "181,110,92,true", "180,111,92,true", "180,110,91,true"})
    void holdThresholdsDuringAnInfusion(int sys, int dia, int spo2, boolean hold) {
        assertThat(new Vitals(sys, dia, 90, spo2, AT).holdReasons(P).isEmpty()).isEqualTo(!hold);
    }

    @ParameterizedTest(name = "PHQ-9 baseline {0} -> {1}: response {2}, remission {3}")
    @CsvSource({"20,10,true,false", "20,11,false,false", "21,10,true,false", "9,4,true,true", "10,5,true,false", "10,4,true,true"})
    void phq9ResponseIsAHalvingAndRemissionUnderFive(int baseline, int score, boolean response, boolean remission) {
        OutcomeAssessment outcome = judge(Instrument.PHQ9, baseline, score, 1, false);
        assertThat(outcome.response()).isEqualTo(response);
        assertThat(outcome.remission()).isEqualTo(remission);
    }

    @ParameterizedTest(name = "{0} baseline {1} -> {2}: response {3}, remission {4}")
    @CsvSource({
            "GAD7, 16, 8, true, false", "GAD7, 16, 9, false, false", "GAD7, 9, 4, true, true", "GAD7, 10, 5, true, false",
            "PCL5, 60, 30, true, true", "PCL5, 60, 31, false, true", "PCL5, 70, 35, true, false", "PCL5, 40, 33, false, false",
            "PAIN_NRS, 8, 6, false, false", "PAIN_NRS, 10, 7, true, false", "PAIN_NRS, 7, 4, true, false", "PAIN_NRS, 5, 3, true, true"})
    void eachInstrumentIsJudgedByItsOwnCriteria(Instrument instrument, int baseline, int score, boolean response, boolean remission) {
        OutcomeAssessment outcome = judge(instrument, baseline, score, 1, false);
        assertThat(outcome.response()).isEqualTo(response);
        assertThat(outcome.remission()).isEqualTo(remission);
    }

    @Test
    void withoutABaselineResponseIsNotJudgedButRemissionIs() {
        OutcomeAssessment outcome = OutcomeAssessment.of(null, 4, P.outcomes().gad7(), false, 5, false, P.outcomes().futilityAfterTreatments());
        assertThat(outcome.response()).isNull();
        assertThat(outcome.percentChange()).isNull();
        assertThat(outcome.remission()).isTrue();
        assertThat(outcome.futility()).isFalse();
    }

    @Test
    void futilityIsFlaggedAfterThreeTreatmentsWithoutResponseOnTheTargetInstrumentOnly() {
        assertThat(judge(Instrument.PHQ9, 20, 15, 2, false).futility()).isFalse();
        assertThat(judge(Instrument.PHQ9, 20, 15, 3, false).futility()).isTrue();
        assertThat(judge(Instrument.PHQ9, 20, 10, 3, false).futility()).isFalse();
        assertThat(judge(Instrument.PHQ9, 20, 15, 4, true).futility()).as("responded earlier").isFalse();
        assertThat(OutcomeAssessment.of(16, 15, P.outcomes().gad7(), false, 4, false, P.outcomes().futilityAfterTreatments()).futility())
                .as("not the course's target instrument").isFalse();
    }

    private static OutcomeAssessment judge(Instrument instrument, int baseline, int score, int treatments, boolean respondedBefore) {
        return OutcomeAssessment.of(baseline, score, P.outcomeCriteria(instrument).orElseThrow(), true, treatments, respondedBefore,
                P.outcomes().futilityAfterTreatments());
    }
}
