package org.carecourse.scheduling.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SeriesRulesTest {

    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    private static final Instant FIRST = Instant.parse("2027-03-01T16:00:00Z");

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

    private static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void sixInfusionsWithin21DaysAtLeast24HoursApartPass() {
        assertThat(SeriesRules.check(everyOtherDay(6), DENVER, 24, 21, 6)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void exactly24HoursApartPassesAndOneMinuteLessIsRefused() {
        Instant second = FIRST.plus(Duration.ofHours(24));
        assertThat(rule(() -> SeriesRules.check(List.of(FIRST, second), DENVER, 24, 21, 6))).isEmpty();
        assertThat(rule(() -> SeriesRules.check(List.of(FIRST, second.minusSeconds(60)), DENVER, 24, 21, 6))).isEqualTo("series-spacing");
    }

    @Test
    void theLastSessionOnTheWindowsLastDayPassesAndOneMinuteLaterIsRefused() {
        Instant last = FIRST.plus(Duration.ofDays(21)).minus(Duration.ofHours(1)); // the window crosses March's change in Denver
        assertThat(rule(() -> SeriesRules.check(List.of(FIRST, last), DENVER, 24, 21, 6))).as("09:00 on day 21, local").isEmpty();
        assertThat(rule(() -> SeriesRules.check(List.of(FIRST, last.plusSeconds(60)), DENVER, 24, 21, 6))).isEqualTo("series-window");
    }

    /**
     * The weekends of 2026's and 2027's clock changes: Friday 09:00 to Monday 09:00 on the clinic's
     * clock is three days, whether 71 or 73 hours elapsed; one minute past it is not.
     */
    @ParameterizedTest(name = "{0}, Friday {1}")
    @CsvSource({"America/Denver, 2026-10-30", "America/Chicago, 2026-10-30", "America/Denver, 2027-03-12",
            "America/Chicago, 2027-03-12", "America/Denver, 2027-11-05", "America/Chicago, 2027-11-05"})
    void aWindowInDaysIsCalendarDaysOnTheClinicsClockAcrossTheClockChange(String zoneId, LocalDate friday) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant fridayNine = at(zone, friday + "T09:00");
        Instant mondayNine = at(zone, friday.plusDays(3) + "T09:00");
        assertThat(Duration.between(fridayNine, mondayNine)).as("the clocks change that weekend").isNotEqualTo(Duration.ofHours(72));
        assertThat(rule(() -> SeriesRules.check(List.of(fridayNine, mondayNine), zone, 24, 3, null))).isEmpty();
        assertThat(rule(() -> SeriesRules.check(List.of(fridayNine, mondayNine.plusSeconds(60)), zone, 24, 3, null)))
                .isEqualTo("series-window");
    }

    /** Spacing in hours is elapsed time: across the change 09:00 Saturday to 09:00 Sunday is 23 or 25 hours. */
    @ParameterizedTest(name = "{0}, Saturday {1}")
    @CsvSource({"America/Denver, 2027-03-13", "America/Chicago, 2027-03-13", "America/Denver, 2027-11-06",
            "America/Chicago, 2027-11-06"})
    void spacingInHoursIsElapsedTimeAcrossTheClockChange(String zoneId, LocalDate saturday) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant saturdayNine = at(zone, saturday + "T09:00");
        Instant sundayNine = at(zone, saturday.plusDays(1) + "T09:00");
        long hours = Duration.between(saturdayNine, sundayNine).toHours();
        assertThat(rule(() -> SeriesRules.check(List.of(saturdayNine, sundayNine), zone, 24, 21, null)))
                .isEqualTo(hours < 24 ? "series-spacing" : "");
        assertThat(rule(() -> SeriesRules.check(List.of(saturdayNine, saturdayNine.plus(Duration.ofHours(24))), zone, 24, 21, null)))
                .isEmpty();
    }

    @Test
    void moreSessionsThanThePlanAreRefusedAndNoPlanMeansNoCount() {
        assertThat(rule(() -> SeriesRules.check(everyOtherDay(7), DENVER, 24, 21, 6))).isEqualTo("series-exceeds-plan");
        assertThat(rule(() -> SeriesRules.check(everyOtherDay(7), DENVER, 24, 21, null))).isEmpty();
    }

    @Test
    void withoutSpacingOrWindowThereIsNoSeries() {
        assertThatThrownBy(() -> SeriesRules.check(everyOtherDay(2), DENVER, null, 21, null)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessageContaining("minimum spacing");
        assertThat(rule(() -> SeriesRules.check(everyOtherDay(2), DENVER, 24, null, null))).isEqualTo("series-plan-required");
    }
}
