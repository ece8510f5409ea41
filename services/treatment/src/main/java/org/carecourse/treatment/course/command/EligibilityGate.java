package org.carecourse.treatment.course.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.carecourse.treatment.course.api.CourseHeldEvent;
import org.carecourse.treatment.course.api.CourseHoldLiftedEvent;
import org.carecourse.treatment.course.api.EligibilityRenewedEvent;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.course.api.EligibilityRef;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * What lets a course treat: the eligibility decision it acts on, the last clinic day that decision
 * holds, and a hold placed by a newer decision until a prescriber decides. Screening's decisions can
 * arrive late and out of order (dead letters are replayed), so one older than a decision already
 * acted on changes nothing.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class EligibilityGate {

    private UUID decisionId;
    private LocalDate eligibleUntil;
    private Instant latestDecisionAt;
    private String holdReason;

    EligibilityGate() {
        // for snapshots
    }

    EligibilityGate(EligibilityRef openedOn) {
        this.decisionId = openedOn.decisionId();
        this.eligibleUntil = openedOn.validUntil();
    }

    /**
     * Eligibility runs through its last valid day in the zone of the clinic treating the patient:
     * at 23:59 there it still holds, at 00:00 the next day it has expired.
     */
    static void requireEligibleOn(LocalDate validUntil, Instant at, ZoneId clinicZone) {
        LocalDate clinicDay = at.atZone(clinicZone).toLocalDate();
        if (clinicDay.isAfter(validUntil)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "eligibility-expired", "the eligibility decision expired at the end of "
                    + validUntil + " (" + clinicZone + "); screening must decide again");
        }
    }

    void requireEligibleOn(Instant at, ZoneId clinicZone) {
        requireEligibleOn(eligibleUntil, at, clinicZone);
    }

    /** Whether a decision made at {@code decidedAt} is newer than every decision the course has acted on. */
    boolean isNewer(EligibilityRef decision, Instant decidedAt) {
        return !decision.decisionId().equals(decisionId) && (latestDecisionAt == null || !decidedAt.isBefore(latestDecisionAt));
    }

    /** No session starts while a newer decision holds the course or a safety alert is open on it. */
    void requireNoHold(SafetyAlerts alerts) {
        if (!isHeld() && !alerts.anyOpen()) {
            return;
        }
        List<String> why = new ArrayList<>();
        if (isHeld()) {
            why.add("the course is held (" + holdReason + ") until a prescriber decides");
        }
        if (alerts.anyOpen()) {
            why.add("safety alert(s) " + alerts.openIds() + " are open until their follow-up is documented");
        }
        throw new BusinessRuleViolation(Kind.CONFLICT, "course-on-hold", "no session starts: " + String.join("; ", why));
    }

    /** A prescriber continues a held course only by saying why (an override of the decision that held it). */
    void requireLiftable(String reason) {
        if (!isHeld()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "not-held", "the course is not held");
        }
        if (SessionRules.blank(reason)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "hold-decision-needs-reason", "say why the course continues");
        }
    }

    boolean isHeld() {
        return holdReason != null;
    }

    void renew(EligibilityRef decision, Instant at) {
        decisionId = decision.decisionId();
        eligibleUntil = decision.validUntil();
        latestDecisionAt = at;
    }

    void hold(String reason, UUID byDecision, Instant at) {
        holdReason = reason;
        decisionId = byDecision;
        latestDecisionAt = at;
    }

    void lift() {
        holdReason = null;
    }

    @EventSourcingHandler
    void on(EligibilityRenewedEvent event) {
        renew(event.eligibility(), event.at());
    }

    @EventSourcingHandler
    void on(CourseHeldEvent event) {
        hold(event.reason(), event.decisionId(), event.at());
    }

    @EventSourcingHandler
    void on(CourseHoldLiftedEvent event) {
        lift();
    }
}
