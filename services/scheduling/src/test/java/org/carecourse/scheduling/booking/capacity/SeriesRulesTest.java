package org.carecourse.scheduling.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

class SeriesRulesTest {

    private static final Instant FIRST = Instant.parse("2027-03-08T16:00:00Z");

    private static List<Instant> everyOtherDay(int count) {
        return IntStream.range(0, count).mapToObj(i -> FIRST.plus(Duration.ofDays(2L * i))).toList();
    }

    private static String rule(Runnable check) {
        try {
            check.run();
            return "";
        } catch (BusinessRuleViolation refused) {
            return refused.rule();
        }
    }

    @Test
    void sixInfusionsWithin21DaysAtLeast24HoursApartPass() {
        assertThat(SeriesRules.check(everyOtherDay(6), 24, 21, 6)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void exactly24HoursApartPassesAndOneMinuteLessIsRefused() {
        Instant second = FIRST.plus(Duration.ofHours(24));
        assertThat(rule(() -> SeriesRules.check(List.of(FIRST, second), 24, 21, 6))).isEmpty();
        assertThat(rule(() -> SeriesRules.check(List.of(FIRST, second.minusSeconds(60)), 24, 21, 6))).isEqualTo("series-spacing");
    }

    @Test
    void theLastSessionOnTheWindowsLastDayPassesAndOneMinuteLaterIsRefused() {
        Instant last = FIRST.plus(Duration.ofDays(21));
        assertThat(rule(() -> SeriesRules.check(List.of(FIRST, last), 24, 21, 6))).isEmpty();
        assertThat(rule(() -> SeriesRules.check(List.of(FIRST, last.plusSeconds(60)), 24, 21, 6))).isEqualTo("series-window");
    }

    @Test
    void moreSessionsThanThePlanAreRefusedAndNoPlanMeansNoCount() {
        assertThat(rule(() -> SeriesRules.check(everyOtherDay(7), 24, 21, 6))).isEqualTo("series-exceeds-plan");
        assertThat(rule(() -> SeriesRules.check(everyOtherDay(7), 24, 21, null))).isEmpty();
    }

    @Test
    void withoutSpacingOrWindowThereIsNoSeries() {
        assertThatThrownBy(() -> SeriesRules.check(everyOtherDay(2), null, 21, null)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("minimum spacing");
        assertThat(rule(() -> SeriesRules.check(everyOtherDay(2), 24, null, null))).isEqualTo("series-plan-required");
    }
}
