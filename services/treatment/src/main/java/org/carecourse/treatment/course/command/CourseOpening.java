package org.carecourse.treatment.course.command;

import org.carecourse.instruments.Instrument;
import org.carecourse.instruments.Modality;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.carecourse.treatment.course.api.Indication;
import org.carecourse.treatment.course.api.OpenCourseCommand;

/**
 * What a course opens on: a current eligible decision for the same modality (Spravato only for
 * depression) and screening's baseline score on the instrument the indication is judged by.
 */
final class CourseOpening {

    private CourseOpening() {
    }

    static void require(OpenCourseCommand command) {
        EligibilityRef eligibility = command.eligibility();
        if (!"eligible".equals(eligibility.outcome())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "eligibility-required",
                    "the eligibility decision is " + eligibility.outcome() + ", not eligible");
        }
        if (!eligibility.modality().equals(command.modality().code())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "eligibility-modality",
                    "the patient was found eligible for " + eligibility.modality() + ", not " + command.modality().code());
        }
        if (command.modality() == Modality.SPRAVATO && command.indication() != Indication.DEPRESSION) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "spravato-indication",
                    "Spravato is given for treatment-resistant depression, not " + command.indication().code());
        }
        EligibilityGate.requireEligibleOn(eligibility.validUntil(), command.openedAt(), command.clinicZone());
        Instrument target = command.indication().targetInstrument();
        if (command.baseline().stream().noneMatch(score -> score.instrument() == target)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "baseline-required", "a " + command.indication().code()
                    + " course is judged on the " + target.code() + ", and screening scored none for this decision");
        }
    }
}
