package org.carecourse.treatment.course.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

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

    boolean isHeld() {
        return holdReason != null;
    }

    String holdReason() {
        return holdReason;
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
}
