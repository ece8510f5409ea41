package org.carecourse.treatment.clinical;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpravatoLabelTest {

    private static final Instant FIRST = Instant.parse("2026-12-01T16:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {56, 84})
    void aSessionGivesFiftySixOrEightyFourMilligrams(int doseMg) {
        assertThatCode(() -> SpravatoLabel.requireLabelDose(doseMg)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 28, 55, 57, 83, 85, 112})
    void anyOtherDoseIsRefused(int doseMg) {
        assertThatThrownBy(() -> SpravatoLabel.requireLabelDose(doseMg))
                .isInstanceOf(BusinessRuleViolation.class).extracting("rule").isEqualTo("spravato-dose");
    }

    @Test
    void theFirstDoseIsFiftySixAndLaterOnesMayBeEightyFour() {
        assertThatThrownBy(() -> SpravatoLabel.requireFirstDose(84, true))
                .isInstanceOf(BusinessRuleViolation.class).extracting("rule").isEqualTo("spravato-first-dose");
        assertThatCode(() -> SpravatoLabel.requireFirstDose(56, true)).doesNotThrowAnyException();
        assertThatCode(() -> SpravatoLabel.requireFirstDose(84, false)).doesNotThrowAnyException();
    }

    @Test
    void inWeeksOneToFourTwoDosesInAnySevenDaysAreAllowedAndAThirdIsNot() {
        List<Instant> twice = List.of(FIRST, FIRST.plus(Duration.ofDays(3)));
        assertThatCode(() -> SpravatoLabel.requireSchedule(List.of(FIRST), FIRST.plus(Duration.ofDays(3))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SpravatoLabel.requireSchedule(twice, FIRST.plus(Duration.ofDays(6))))
                .isInstanceOf(BusinessRuleViolation.class).extracting("rule").isEqualTo("spravato-schedule");
        // Seven days after the first dose it has left the window: two in the last seven days again.
        assertThatCode(() -> SpravatoLabel.requireSchedule(twice, FIRST.plus(Duration.ofDays(7)).plusSeconds(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void fromWeekFiveOneDoseInAnySevenDays() {
        Instant weekFive = FIRST.plus(SpravatoLabel.INDUCTION);
        List<Instant> doses = List.of(FIRST, weekFive.minus(Duration.ofDays(1)));
        assertThatThrownBy(() -> SpravatoLabel.requireSchedule(doses, weekFive))
                .isInstanceOf(BusinessRuleViolation.class).extracting("rule").isEqualTo("spravato-schedule");
        assertThatCode(() -> SpravatoLabel.requireSchedule(doses, weekFive.plus(Duration.ofDays(6)).plusSeconds(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void theFirstDoseHasNoScheduleToKeep() {
        assertThatCode(() -> SpravatoLabel.requireSchedule(List.of(), FIRST)).doesNotThrowAnyException();
    }
}
