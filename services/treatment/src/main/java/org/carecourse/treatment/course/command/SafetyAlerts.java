package org.carecourse.treatment.course.command;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.carecourse.treatment.course.api.SafetyAlertRaisedEvent;
import org.carecourse.treatment.course.api.SafetyAlertResolvedEvent;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * The safety alerts open on a course and where each was raised: by the course itself (a PHQ-9
 * item 9 answered above 0 during treatment) or by screening. An open alert holds the course.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class SafetyAlerts {

    static final String RAISED_BY_TREATMENT = "treatment";
    static final String RAISED_BY_SCREENING = "screening";

    private Map<UUID, String> open = new LinkedHashMap<>();

    /** One alert per outcome submission, its id derived from the submission's so a replayed command names the same alert. */
    static UUID alertIdFor(UUID submissionId) {
        return UUID.nameUUIDFromBytes(("safety-alert:" + submissionId).getBytes(StandardCharsets.UTF_8));
    }

    boolean isOpen(UUID alertId) {
        return open.containsKey(alertId);
    }

    boolean anyOpen() {
        return !open.isEmpty();
    }

    Set<UUID> openIds() {
        return open.keySet();
    }

    /**
     * The prescriber documents the follow-up here only of an alert the course raised, with a safety
     * plan; screening's alerts clear when screening's follow-up arrives.
     */
    void requireResolvableHere(UUID alertId, String safetyPlan) {
        String source = open.get(alertId);
        if (source == null) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "no-open-alert", "alert " + alertId + " is not open on this course");
        }
        if (!RAISED_BY_TREATMENT.equals(source)) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "resolve-in-screening",
                    "document the follow-up on the screening case; it clears here when it arrives");
        }
        if (SessionRules.blank(safetyPlan)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "safety-plan-required", "document the safety plan");
        }
    }

    void raised(UUID alertId, String source) {
        open.put(alertId, source);
    }

    void resolved(UUID alertId) {
        open.remove(alertId);
    }

    @EventSourcingHandler
    void on(SafetyAlertRaisedEvent event) {
        raised(event.alertId(), event.source());
    }

    @EventSourcingHandler
    void on(SafetyAlertResolvedEvent event) {
        resolved(event.alertId());
    }
}
