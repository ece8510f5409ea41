package org.carecourse.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstrumentScoringTest {

    private static final int PCL5_CUTOFF = 33;

    /** Answers for an instrument whose items add up to {@code total}, filled from item 1 on, item 9 left at 0. */
    private static InstrumentAnswers phq9Totalling(int total) {
        List<Integer> items = new ArrayList<>(Collections.nCopies(9, 0));
        int left = total;
        for (int i = 0; i < 8 && left > 0; i++) {
            items.set(i, Math.min(3, left));
            left -= items.get(i);
        }
        items.set(8, left); // only if the first 8 items could not hold the total
        return new InstrumentAnswers(Instrument.PHQ9, items, null);
    }

    @Nested
    class Phq9 {

        @ParameterizedTest(name = "total {0} is {1}")
        @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate",
                "15,moderately-severe", "19,moderately-severe", "20,severe", "24,severe"})
        void bandsChangeExactlyAtThePublishedBoundaries(int total, String band) {
            InstrumentScore score = InstrumentScoring.score(phq9Totalling(total), PCL5_CUTOFF);
            assertThat(score.total()).isEqualTo(total);
            assertThat(score.band()).isEqualTo(band);
            assertThat(score.safetyConcern()).isFalse();
        }

        @Test
        void anyAnswerAboveZeroOnItemNineIsASafetyConcernWhateverTheTotal() {
            InstrumentScore score = InstrumentScoring.score(InstrumentAnswers.of(Instrument.PHQ9, 0, 0, 0, 0, 0, 0, 0, 0, 1), PCL5_CUTOFF);
            assertThat(score.total()).isEqualTo(1);
            assertThat(score.band()).isEqualTo("minimal");
            assertThat(score.safetyConcern()).isTrue();
        }

        @Test
        void theMaximumIsTwentySeven() {
            InstrumentScore score = InstrumentScoring.score(InstrumentAnswers.of(Instrument.PHQ9, 3, 3, 3, 3, 3, 3, 3, 3, 3), PCL5_CUTOFF);
            assertThat(score.total()).isEqualTo(27);
            assertThat(score.band()).isEqualTo("severe");
        }

        @Test
        void cannotScoreTheWrongNumberOfItemsOrOutOfRangeAnswers() {
            assertThatThrownBy(() -> InstrumentScoring.score(InstrumentAnswers.of(Instrument.PHQ9, 1, 1, 1), PCL5_CUTOFF))
                    .isInstanceOf(InvalidAnswersException.class).extracting("field").isEqualTo("items");
            assertThatThrownBy(() -> InstrumentScoring.score(InstrumentAnswers.of(Instrument.PHQ9, 0, 0, 0, 4, 0, 0, 0, 0, 0), PCL5_CUTOFF))
                    .isInstanceOf(InvalidAnswersException.class).extracting("field").isEqualTo("items[3]");
            assertThatThrownBy(() -> InstrumentScoring.score(InstrumentAnswers.of(Instrument.PHQ9, 0, 0, null, 0, 0, 0, 0, 0, 0), PCL5_CUTOFF))
                    .isInstanceOf(InvalidAnswersException.class).extracting("field").isEqualTo("items[2]");
        }
    }

    @Nested
    class Gad7 {

        @ParameterizedTest(name = "total {0} is {1}")
        @CsvSource({"4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,severe", "21,severe"})
        void bandsChangeAtFiveTenAndFifteen(int total, String band) {
            List<Integer> items = new ArrayList<>(Collections.nCopies(7, 0));
            for (int i = 0, left = total; left > 0; i++) {
                items.set(i, Math.min(3, left));
                left -= items.get(i);
            }
            InstrumentScore score = InstrumentScoring.score(new InstrumentAnswers(Instrument.GAD7, items, null), PCL5_CUTOFF);
            assertThat(score.total()).isEqualTo(total);
            assertThat(score.band()).isEqualTo(band);
        }
    }

    @Nested
    class Pcl5 {

        private InstrumentAnswers answers(Integer... items) {
            return new InstrumentAnswers(Instrument.PCL5, Arrays.asList(items), null);
        }

        @Test
        void theClusterRuleNeedsOneB_OneC_TwoD_TwoE_EndorsedAtTwoOrMore() {
            //                        B: 1-5          C: 6-7  D: 8-14               E: 15-20
            InstrumentScore met = InstrumentScoring.score(
                    answers(2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0), PCL5_CUTOFF);
            assertThat(met.dsm5ClusterMet()).isTrue();
            assertThat(met.total()).isEqualTo(12);
            assertThat(met.provisionalPtsd()).isFalse();
        }

        @Test
        void oneDSymptomShortFailsTheClusterRule() {
            InstrumentScore notMet = InstrumentScoring.score(
                    answers(2, 0, 0, 0, 0, 2, 0, 2, 1, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0), PCL5_CUTOFF);
            assertThat(notMet.dsm5ClusterMet()).isFalse();
        }

        @Test
        void answersOfOneDoNotCountAsEndorsedEvenWhenTheTotalIsHigh() {
            InstrumentScore ones = InstrumentScoring.score(answers(Collections.nCopies(20, 1).toArray(Integer[]::new)), 20);
            assertThat(ones.total()).isEqualTo(20);
            assertThat(ones.provisionalPtsd()).isTrue();
            assertThat(ones.dsm5ClusterMet()).isFalse();
        }

        @ParameterizedTest(name = "total {0} with cut-off {1}: provisional {2}")
        @CsvSource({"32,33,false", "33,33,true", "31,31,true", "30,31,false"})
        void theProvisionalCutoffIsAProtocolParameterInclusiveAtTheCutoff(int total, int cutoff, boolean provisional) {
            List<Integer> items = new ArrayList<>(Collections.nCopies(20, 0));
            for (int i = 0, left = total; left > 0; i++) {
                items.set(i, Math.min(4, left));
                left -= items.get(i);
            }
            InstrumentScore score = InstrumentScoring.score(new InstrumentAnswers(Instrument.PCL5, items, null), cutoff);
            assertThat(score.total()).isEqualTo(total);
            assertThat(score.provisionalPtsd()).isEqualTo(provisional);
        }
    }

    @Nested
    class Cssrs {

        private InstrumentScore score(Boolean recent, Integer... items) {
            return InstrumentScoring.score(new InstrumentAnswers(Instrument.CSSRS, Arrays.asList(items), recent), PCL5_CUTOFF);
        }

        @Test
        void noYesIsNoRisk() {
            assertThat(score(null, 0, 0, null, null, null, 0).band()).isEqualTo("none");
        }

        @Test
        void wishToBeDeadOnlyIsLowRiskAndNotAnAlert() {
            InstrumentScore low = score(null, 1, 0, null, null, null, 0);
            assertThat(low.band()).isEqualTo("low");
            assertThat(low.safetyConcern()).isFalse();
        }

        @Test
        void thoughtsWithAMethodAreModerate() {
            InstrumentScore moderate = score(null, 1, 1, 1, 0, 0, 0);
            assertThat(moderate.band()).isEqualTo("moderate");
            assertThat(moderate.safetyConcern()).isTrue();
        }

        @Test
        void intentOrAPlanIsHigh() {
            assertThat(score(null, 1, 1, 0, 1, 0, 0).band()).isEqualTo("high");
            assertThat(score(null, 1, 1, 0, 0, 1, 0).band()).isEqualTo("high");
        }

        @Test
        void behaviourWithinThreeMonthsIsHighAndLongerAgoModerate() {
            assertThat(score(true, 0, 0, null, null, null, 1).band()).isEqualTo("high");
            assertThat(score(false, 0, 0, null, null, null, 1).band()).isEqualTo("moderate");
        }

        @Test
        void questionsThreeToFiveAreAskedOnlyAfterAYesToTwo() {
            assertThatThrownBy(() -> score(null, 1, 0, 0, null, null, 0))
                    .isInstanceOf(InvalidAnswersException.class).extracting("field").isEqualTo("items[2]");
            assertThatThrownBy(() -> score(null, 1, 1, 0, null, 0, 0))
                    .isInstanceOf(InvalidAnswersException.class).extracting("field").isEqualTo("items[3]");
        }

        @Test
        void behaviourNeedsItsTiming() {
            assertThatThrownBy(() -> score(null, 0, 0, null, null, null, 1))
                    .isInstanceOf(InvalidAnswersException.class).extracting("field").isEqualTo("behaviourWithinThreeMonths");
        }
    }

    @ParameterizedTest
    @CsvSource({"0, none", "1, mild", "3, mild", "4, moderate", "6, moderate", "7, severe", "10, severe"})
    void aPainRatingIsBandedAtItsCutPoints(int rating, String band) {
        InstrumentScore score = InstrumentScoring.score(InstrumentAnswers.of(Instrument.PAIN_NRS, rating), PCL5_CUTOFF);
        assertThat(score.total()).isEqualTo(rating);
        assertThat(score.band()).isEqualTo(band);
        assertThat(score.safetyConcern()).isFalse();
    }

    @Test
    void aPainRatingOutsideZeroToTenOrWithASecondItemIsRefused() {
        assertThatThrownBy(() -> InstrumentScoring.score(InstrumentAnswers.of(Instrument.PAIN_NRS, 11), PCL5_CUTOFF))
                .isInstanceOf(InvalidAnswersException.class).hasMessageContaining("0 to 10");
        assertThatThrownBy(() -> InstrumentScoring.score(InstrumentAnswers.of(Instrument.PAIN_NRS, 3, 4), PCL5_CUTOFF))
                .isInstanceOf(InvalidAnswersException.class).hasMessageContaining("1 items");
    }
}
