package org.carecourse.treatment.course.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.clinical.Dose;
import org.carecourse.treatment.clinical.Dosing;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.CoursePlan;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.api.StartInfusionSessionCommand;

/**
 * What must hold before an IV ketamine infusion begins, by the course's protocol and plan. Each
 * rule a prescriber may set aside is set aside only on a recorded reason ({@link Overrides}).
 */
final class InfusionStart {

    private InfusionStart() {
    }

    /** Infusions keep the larger of the plan's and the protocol's minimum spacing, unless a prescriber records why not. */
    static void requireSpacing(Instant lastInfusionStart, Instant startedAt, CoursePlan plan, TreatmentProtocol protocol,
            Overrides overrides) {
        int spacingHours = Math.max(plan.minimumSpacingHours(), protocol.series().minimumSpacingHours());
        if (lastInfusionStart != null && Duration.between(lastInfusionStart, startedAt).compareTo(Duration.ofHours(spacingHours)) < 0) {
            overrides.setAsideOr(OverrideRule.MINIMUM_SPACING, () -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "minimum-spacing",
                    "infusions must be at least " + spacingHours + " h apart, unless a prescriber records why not"));
        }
    }

    /**
     * The patient's readiness and the dose: fasting and an escort confirmed, a weight measured before
     * the start and within the protocol's days, pre-start vitals recent and under the start
     * thresholds, and the weight-based dose within its cap (above it only on a prescriber's reason).
     */
    static Dose requireReadyAndDose(StartInfusionSessionCommand command, TreatmentProtocol protocol, Overrides overrides) {
        Instant startedAt = command.startedAt();
        if (!command.fastingConfirmed()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "fasting-required", "fasting must be confirmed before an infusion");
        }
        if (!command.escortConfirmed()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "escort-required", "an escort or driver must be confirmed");
        }
        if (command.weightMeasuredAt().isAfter(startedAt)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "weight-measured-at", "the weight cannot be measured after the start");
        }
        if (command.weightMeasuredAt().isBefore(startedAt.minus(Duration.ofDays(protocol.dosing().weightValidDays())))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "weight-outdated",
                    "weight must be measured within " + protocol.dosing().weightValidDays() + " days");
        }
        SessionRules.requirePreStart(command.vitals(), startedAt, protocol);
        List<String> violations = command.vitals().startViolations(protocol);
        if (!violations.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "vitals-above-start-thresholds", String.join("; ", violations));
        }
        Dose dose = Dosing.calculate(command.mgPerKg(), command.weightKg(), protocol);
        if (dose.aboveCap()) {
            overrides.setAsideOr(OverrideRule.DOSE_CAP, () -> new BusinessRuleViolation(Kind.UNPROCESSABLE,
                    "dose-cap-override-needs-reason", dose.mg() + " mg is above the " + protocol.dosing().capMg()
                            + " mg cap: a prescriber override with a reason is needed"));
        }
        return dose;
    }
}
