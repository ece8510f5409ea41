package org.carecourse.treatment.course.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.clinical.Vitals;

/** Checks both kinds of session make in the same way. */
final class SessionRules {

    private SessionRules() {
    }

    /** Vitals that clear a start: taken before it, and recently enough by the protocol. */
    static void requirePreStart(Vitals vitals, Instant start, TreatmentProtocol protocol) {
        requireTakenBetween(vitals, start.minus(Duration.ofMinutes(protocol.vitalSigns().preStartMaxAgeMinutes())), start, "pre-start vitals");
    }

    /**
     * A reading is judged by when it was taken, not when it was charted: it must fall inside the
     * part of the session it belongs to and cannot lie in the future of its charting.
     */
    static void requireTakenBetween(Vitals vitals, Instant from, Instant to, String what) {
        if (vitals.takenAt().isBefore(from) || vitals.takenAt().isAfter(to)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "vitals-taken-at",
                    what + " must be taken between " + from + " and " + to + ", not at " + vitals.takenAt());
        }
    }

    static void requireDischargeable(Vitals vitals, boolean escortConfirmed, TreatmentProtocol protocol) {
        List<String> violations = vitals.startViolations(protocol);
        if (!violations.isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "discharge-vitals", "vitals not back under start thresholds: "
                    + String.join("; ", violations));
        }
        if (!escortConfirmed) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "escort-required", "an escort or driver must be confirmed");
        }
    }

    static void requireNoteForOther(boolean other, String note, String rule) {
        if (other && blank(note)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, rule, "say what happened when the reason is 'other'");
        }
    }

    static BusinessRuleViolation ended(Object sessionId) {
        return new BusinessRuleViolation(Kind.CONFLICT, "session-ended", "session " + sessionId + " has ended");
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String stripped(String text) {
        return blank(text) ? null : text.strip();
    }
}
