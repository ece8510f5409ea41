package org.carecourse.treatment.course.command;

import static org.carecourse.treatment.course.command.SessionRules.blank;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.course.api.Phase;

/**
 * The order of a course's phases: induction → maintenance, maintenance → re-induction after a
 * relapse (with a reason), re-induction → maintenance; it closes as completed or discontinued
 * (with a reason).
 */
final class CourseLifecycle {

    private CourseLifecycle() {
    }

    static void requireOpen(Phase phase) {
        if (!phase.open()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "course-closed", "the course is " + phase.code());
        }
    }

    static void requireChange(Phase from, Phase to, String reason) {
        boolean allowed = (from.series() && to == Phase.MAINTENANCE) || (from == Phase.MAINTENANCE && to == Phase.RE_INDUCTION);
        if (!allowed) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "phase-order", "a course moves from " + from.code()
                    + (from.series() ? " to maintenance" : from == Phase.MAINTENANCE ? " to re-induction" : " nowhere") + " only");
        }
        if (to == Phase.RE_INDUCTION && blank(reason)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "re-induction-needs-reason", "say why (e.g. the relapse) the series restarts");
        }
    }

    static void requireClosing(Phase outcome, String reason) {
        if (outcome != Phase.COMPLETED && outcome != Phase.DISCONTINUED) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "close-outcome", "a course closes as completed or discontinued");
        }
        if (outcome == Phase.DISCONTINUED && blank(reason)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "discontinuation-needs-reason", "say why the course is discontinued");
        }
    }
}
