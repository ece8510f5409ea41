package org.carecourse.treatment.course.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.clinical.SpravatoLabel;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.clinical.Vitals;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.api.StartSpravatoSessionCommand;

/**
 * What must hold before a Spravato dose: the label's dose, first dose and schedule
 * ({@link SpravatoLabel}), the patient's REMS enrolment, and pre-dose blood pressure taken recently
 * and under the protocol's delay threshold unless a prescriber records why to proceed.
 */
final class SpravatoStart {

    private SpravatoStart() {
    }

    static void requireDosable(StartSpravatoSessionCommand command, List<Instant> dosesGiven, RemsEnrolment rems) {
        SpravatoLabel.requireLabelDose(command.doseMg());
        rems.requireBeforeFirstDose();
        SpravatoLabel.requireFirstDose(command.doseMg(), dosesGiven.isEmpty());
        SpravatoLabel.requireSchedule(dosesGiven, command.dosedAt());
    }

    /** Each Spravato session owes its REMS monitoring form within the protocol's days of the dose, however it ends. */
    static Instant remsFormDueBy(Instant dosedAt, TreatmentProtocol protocol) {
        return dosedAt.plus(Duration.ofDays(protocol.spravato().remsFormDueDays()));
    }

    static void requirePreDoseBloodPressure(Vitals bp, Instant dosedAt, TreatmentProtocol protocol, Overrides overrides) {
        SessionRules.requirePreStart(bp, dosedAt, protocol);
        if (bp.systolic() > protocol.spravato().delaySystolic() || bp.diastolic() > protocol.spravato().delayDiastolic()) {
            overrides.setAsideOr(OverrideRule.SPRAVATO_BP_DELAY, () -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "spravato-bp-delay",
                    "pre-dose BP " + bp.systolic() + "/" + bp.diastolic() + " is above " + protocol.spravato().delaySystolic() + "/"
                            + protocol.spravato().delayDiastolic() + ": delay the dose, or a prescriber records why to proceed"));
        }
    }
}
