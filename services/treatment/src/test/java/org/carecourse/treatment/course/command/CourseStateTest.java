package org.carecourse.treatment.course.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.carecourse.treatment.course.api.OverrideRule;
import org.junit.jupiter.api.Test;

/** The course's state objects at their edges: the induction series, the eligibility gate, the open safety alerts. */
class CourseStateTest {

    private static final CoursePlan PLAN = CoursePlan.following(TreatmentProtocol.defaults().series());
    private static final Instant FIRST = Instant.parse("2026-12-01T16:00:00Z");
    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Test
    void aSeriesTakesThePlansCountWithinItsWindowAndStartsAfreshOnReInduction() {
        InductionSeries series = new InductionSeries();
        series.infusionStarted(FIRST);
        Instant lastDayOfWindow = FIRST.plus(Duration.ofDays(PLAN.inductionWindowDays()));
        series.requireRoomFor(lastDayOfWindow, PLAN, none());
        assertThatThrownBy(() -> series.requireRoomFor(lastDayOfWindow.plusSeconds(1), PLAN, none()))
                .hasFieldOrPropertyWithValue("rule", "series-window");

        for (int i = 0; i < PLAN.inductionCount(); i++) {
            series.infusionCompleted();
        }
        assertThatThrownBy(() -> series.requireRoomFor(FIRST.plus(Duration.ofDays(10)), PLAN, none()))
                .hasFieldOrPropertyWithValue("rule", "series-count");
        Overrides oneMore = new Overrides(Map.of(OverrideRule.SERIES_COUNT, "partial response, one more agreed"), "prescriber", true,
                FIRST);
        series.requireRoomFor(FIRST.plus(Duration.ofDays(10)), PLAN, oneMore);
        assertThat(oneMore.taken()).hasSize(1);
        series.requireCompleteOrExplained(PLAN, null);

        series.restart();
        assertThatThrownBy(() -> series.requireCompleteOrExplained(PLAN, " "))
                .hasFieldOrPropertyWithValue("rule", "series-incomplete");
        series.requireCompleteOrExplained(PLAN, "moving to maintenance early after remission");
        series.requireRoomFor(FIRST.plus(Duration.ofDays(400)), PLAN, none());
    }

    @Test
    void eligibilityHoldsThroughItsLastDayOnTheClinicsCalendarAndOlderDecisionsChangeNothing() {
        LocalDate lastDay = LocalDate.of(2026, 12, 7);
        EligibilityGate gate = new EligibilityGate(decision(UUID.randomUUID(), lastDay));
        gate.requireEligibleOn(lastDay.atTime(23, 59).atZone(DENVER).toInstant(), DENVER);
        assertThatThrownBy(() -> gate.requireEligibleOn(lastDay.plusDays(1).atStartOfDay(DENVER).toInstant(), DENVER))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("rule", "eligibility-expired");

        EligibilityRef newer = decision(UUID.randomUUID(), lastDay.plusDays(90));
        assertThat(gate.isNewer(newer, FIRST)).isTrue();
        gate.hold("eligibility-ineligible", newer.decisionId(), FIRST);
        assertThat(gate.isHeld()).isTrue();
        assertThat(gate.isNewer(newer, FIRST.plusSeconds(60))).as("the same decision again").isFalse();
        assertThat(gate.isNewer(decision(UUID.randomUUID(), lastDay), FIRST.minusSeconds(1))).as("an older one, replayed late").isFalse();
        gate.renew(decision(UUID.randomUUID(), lastDay.plusDays(180)), FIRST.plusSeconds(60));
        gate.lift();
        assertThat(gate.isHeld()).isFalse();
        gate.requireEligibleOn(lastDay.plusDays(180).atStartOfDay(DENVER).toInstant(), DENVER);
    }

    @Test
    void onlyAnAlertTheCourseRaisedIsResolvedHereAndOnlyWithASafetyPlan() {
        SafetyAlerts alerts = new SafetyAlerts();
        UUID own = UUID.randomUUID();
        UUID screenings = UUID.randomUUID();
        alerts.raised(own, SafetyAlerts.RAISED_BY_TREATMENT);
        alerts.raised(screenings, SafetyAlerts.RAISED_BY_SCREENING);
        assertThatThrownBy(() -> alerts.requireResolvableHere(screenings, "plan"))
                .hasFieldOrPropertyWithValue("rule", "resolve-in-screening");
        assertThatThrownBy(() -> alerts.requireResolvableHere(own, " ")).hasFieldOrPropertyWithValue("rule", "safety-plan-required");
        assertThatThrownBy(() -> alerts.requireResolvableHere(UUID.randomUUID(), "plan")).hasFieldOrPropertyWithValue("rule",
                "no-open-alert");
        alerts.requireResolvableHere(own, "crisis line and daily check-in agreed");
        alerts.resolved(own);
        alerts.resolved(screenings);
        assertThat(alerts.anyOpen()).isFalse();
    }

    private static Overrides none() {
        return new Overrides(Map.of(), "nurse", false, FIRST);
    }

    private static EligibilityRef decision(UUID id, LocalDate validUntil) {
        return new EligibilityRef(id, UUID.randomUUID(), "eligible", "iv-ketamine", 1, validUntil);
    }
}
