package org.carecourse.treatment.course.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.course.api.ClinicalOverride;
import org.carecourse.treatment.course.api.OverrideRule;

/**
 * The overrides one command asked for. A rule the command breaks stands unless a reason was given
 * for it; a reason given for a rule the command does not break is refused rather than dropped, so
 * an override is never recorded, nor silently lost, apart from the decision it belongs to.
 */
final class Overrides {

    private final Map<OverrideRule, String> reasons;
    private final String by;
    private final Instant at;
    private final List<ClinicalOverride> taken = new ArrayList<>();

    /** Only a prescriber sets a protocol rule aside: anyone else's reason is refused (403), whatever it is for. */
    Overrides(Map<OverrideRule, String> reasons, String by, boolean byPrescriber, Instant at) {
        if (!reasons.isEmpty() && !byPrescriber) {
            throw new BusinessRuleViolation(Kind.FORBIDDEN, "override-by-prescriber", "only a prescriber may set a protocol rule aside");
        }
        this.reasons = reasons;
        this.by = by;
        this.at = at;
    }

    /** Sets the rule aside on the prescriber's reason, or throws the rule's violation. */
    void setAsideOr(OverrideRule rule, Supplier<BusinessRuleViolation> violation) {
        String reason = reasons.get(rule);
        if (SessionRules.blank(reason)) {
            throw violation.get();
        }
        taken.add(new ClinicalOverride(rule, by, at, reason.strip()));
    }

    /** The overrides taken, once every rule the command breaks has been checked. */
    List<ClinicalOverride> taken() {
        Set<OverrideRule> unused = EnumSet.noneOf(OverrideRule.class);
        unused.addAll(reasons.keySet());
        taken.forEach(override -> unused.remove(override.rule()));
        if (!unused.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "override-not-needed", "nothing to override for "
                    + unused.stream().map(OverrideRule::code).sorted().collect(Collectors.joining(", ")));
        }
        return List.copyOf(taken);
    }
}
