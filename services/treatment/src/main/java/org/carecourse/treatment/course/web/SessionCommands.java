package org.carecourse.treatment.course.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.domain.Coded;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.treatment.course.api.OverrideRule;
import org.carecourse.treatment.course.query.CourseDirectory.CourseSummary;
import org.springframework.stereotype.Component;

/** How the session endpoints send a step: by the signed-in staff member, to a course they may change, at its clinic. */
@Component
class SessionCommands {

    private final CommandDispatch commands;
    private final CourseAccess access;

    SessionCommands(CommandDispatch commands, CourseAccess access) {
        this.commands = commands;
        this.access = access;
    }

    <R> R send(UUID courseId, Object command) {
        StaffMember staff = StaffMember.current();
        CourseSummary course = access.toChange(staff, courseId);
        return commands.sendAs(staff, course.clinicId(), command);
    }

    /** Override reasons by rule code (who may give them is the course's rule, see {@code Overrides}). */
    static Map<OverrideRule, String> overrides(Map<String, String> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return Map.of();
        }
        Map<OverrideRule, String> byRule = new EnumMap<>(OverrideRule.class);
        reasons.forEach((rule, reason) -> byRule.put(Coded.find(OverrideRule.values(), rule)
                .orElseThrow(() -> new InvalidFieldException("overrides", "no protocol rule '" + rule + "' to override")), reason));
        return byRule;
    }
}
