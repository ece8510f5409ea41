package org.carecourse.treatment.course.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.treatment.clinical.Dose;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.api.StartInfusionSessionCommand;
import org.junit.jupiter.api.Test;

/** The checks before an infusion, at their edges, by the published default protocol. */
class InfusionStartTest {

    private static final TreatmentProtocol PROTOCOL = TreatmentProtocol.defaults();
    private static final CoursePlan PLAN = CoursePlan.following(TreatmentProtocol.defaults().series());
    private static final Instant START = Instant.parse("2026-12-07T16:00:00Z");

    @Test
    void spacingIsTheLargerOfPlanAndProtocolAndOnlyAPrescribersReasonSetsItAside() {
        int hours = Math.max(PLAN.minimumSpacingHours(), PROTOCOL.series().minimumSpacingHours());
        Instant last = START.minus(Duration.ofHours(hours));
        InfusionStart.requireSpacing(last, START, PLAN, PROTOCOL, none());

        Instant tooRecent = last.plusSeconds(1);
        assertThatThrownBy(() -> InfusionStart.requireSpacing(tooRecent, START, PLAN, PROTOCOL, none()))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("rule", "minimum-spacing");
        Overrides overrides = reasons(Map.of(OverrideRule.MINIMUM_SPACING, "patient travels Friday"));
        InfusionStart.requireSpacing(tooRecent, START, PLAN, PROTOCOL, overrides);
        assertThat(overrides.taken()).singleElement().extracting("rule").isEqualTo(OverrideRule.MINIMUM_SPACING);
    }

    @Test
    void fastingAnEscortAndAWeightOfTheProtocolsDaysComeFirst() {
        assertRefused(command(false, true, START.minus(Duration.ofDays(1)), "0.5"), "fasting-required");
        assertRefused(command(true, false, START.minus(Duration.ofDays(1)), "0.5"), "escort-required");
        assertRefused(command(true, true, START.plusSeconds(1), "0.5"), "weight-measured-at");
        Instant oldest = START.minus(Duration.ofDays(PROTOCOL.dosing().weightValidDays()));
        assertThat(InfusionStart.requireReadyAndDose(command(true, true, oldest, "0.5"), PROTOCOL, none())).isNotNull();
        assertRefused(command(true, true, oldest.minusSeconds(1), "0.5"), "weight-outdated");
    }

    @Test
    void aDoseAboveTheCapNeedsAPrescribersReasonAndIsRecordedWithIt() {
        // 1.0 mg/kg of 150 kg is above the default cap; 0.5 mg/kg of 70 kg is not.
        Dose within = InfusionStart.requireReadyAndDose(command(true, true, START.minus(Duration.ofDays(1)), "0.5"), PROTOCOL, none());
        assertThat(within.aboveCap()).isFalse();
        StartInfusionSessionCommand heavy = command(true, true, START.minus(Duration.ofDays(1)), "1.0", new BigDecimal("150"));
        assertRefused(heavy, "dose-cap-override-needs-reason");
        Overrides overrides = reasons(Map.of(OverrideRule.DOSE_CAP, "weight-based dose agreed with the anaesthetist"));
        Dose above = InfusionStart.requireReadyAndDose(heavy, PROTOCOL, overrides);
        assertThat(above.aboveCap()).isTrue();
        assertThat(above.mg()).isGreaterThan(BigDecimal.valueOf(PROTOCOL.dosing().capMg()));
        assertThat(overrides.taken()).singleElement().extracting("rule").isEqualTo(OverrideRule.DOSE_CAP);
    }

    @Test
    void onlyAPrescriberSetsARuleAsideAndAnyoneElsesReasonIsRefusedWhateverItIsFor() {
        assertThatThrownBy(() -> new Overrides(Map.of(OverrideRule.DOSE_CAP, "the patient asked"), "nurse.denver", false, START))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("rule", "override-by-prescriber")
                .hasFieldOrPropertyWithValue("kind", BusinessRuleViolation.Kind.FORBIDDEN);
        assertThat(new Overrides(Map.of(), "nurse.denver", false, START).taken()).as("no reason, nothing to refuse").isEmpty();
    }

    private static void assertRefused(StartInfusionSessionCommand command, String rule) {
        assertThatThrownBy(() -> InfusionStart.requireReadyAndDose(command, PROTOCOL, none()))
                .isInstanceOf(BusinessRuleViolation.class).hasFieldOrPropertyWithValue("rule", rule);
    }

    private static Overrides none() {
        return reasons(Map.of());
    }

    private static Overrides reasons(Map<OverrideRule, String> reasons) {
        return new Overrides(reasons, "prescriber.denver", true, START);
    }

    private static StartInfusionSessionCommand command(boolean fasting, boolean escort, Instant weighedAt, String mgPerKg) {
        return command(fasting, escort, weighedAt, mgPerKg, new BigDecimal("70"));
    }

    private static StartInfusionSessionCommand command(boolean fasting, boolean escort, Instant weighedAt, String mgPerKg,
            BigDecimal weightKg) {
        Vitals vitals = new Vitals(120, 80, 70, 98, START.minus(Duration.ofMinutes(5)));
        return new StartInfusionSessionCommand(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ZoneId.of("America/Denver"),
                vitals, fasting, escort, weightKg, weighedAt, new BigDecimal(mgPerKg), Map.of(), "nurse.denver", false, START);
    }
}
