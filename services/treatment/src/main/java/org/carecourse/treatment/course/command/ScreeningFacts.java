package org.carecourse.treatment.course.command;

import java.util.ArrayList;
import java.util.List;

import org.carecourse.instruments.Modality;
import org.carecourse.treatment.course.api.CourseHeldEvent;
import org.carecourse.treatment.course.api.CourseHoldLiftedEvent;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.carecourse.treatment.course.api.EligibilityRenewedEvent;
import org.carecourse.treatment.course.api.ExternalFactRecordedEvent;
import org.carecourse.treatment.course.api.RecordScreeningFactCommand;
import org.carecourse.treatment.course.api.SafetyAlertRaisedEvent;
import org.carecourse.treatment.course.api.SafetyAlertResolvedEvent;

/**
 * What screening's word on the patient does to a course: the fact is recorded with its
 * provenance; a newer eligible decision for the course's modality renews it (and lifts a hold),
 * any other newer decision holds it; a screening safety alert holds it until screening's
 * follow-up arrives. A decision older than one already acted on, or one reaching a closed course,
 * is recorded and changes nothing (dead letters are replayed late).
 */
final class ScreeningFacts {

    private ScreeningFacts() {
    }

    /** The events the fact yields, in order; the caller has already ruled out a delivery seen before. */
    static List<Object> decide(RecordScreeningFactCommand command, CourseRef course, Modality modality, boolean courseOpen,
            EligibilityGate eligibility, SafetyAlerts alerts) {
        List<Object> events = new ArrayList<>();
        events.add(new ExternalFactRecordedEvent(course.courseId(), course.patientId(), "screening", command.sourceEventId(),
                command.eventType(), command.facts(), command.occurredAt()));
        EligibilityRef decision = command.eligibility();
        RecordScreeningFactCommand.ScreeningAlert alert = command.alert();
        if (decision != null) {
            if (courseOpen && eligibility.isNewer(decision, command.occurredAt())) {
                events.addAll(actOn(decision, command, course, modality, eligibility));
            }
        } else if (alert.disposition() == null && !alerts.isOpen(alert.alertId())) {
            events.add(new SafetyAlertRaisedEvent(course.courseId(), course.patientId(), alert.alertId(), course.clinicId(),
                    alert.trigger(), SafetyAlerts.RAISED_BY_SCREENING, command.sourceEventId(), command.occurredAt()));
        } else if (alert.disposition() != null && alerts.isOpen(alert.alertId())) {
            events.add(new SafetyAlertResolvedEvent(course.courseId(), course.patientId(), alert.alertId(), course.clinicId(),
                    SafetyAlerts.RAISED_BY_SCREENING, alert.disposition(), null, null, command.occurredAt()));
        }
        return events;
    }

    private static List<Object> actOn(EligibilityRef decision, RecordScreeningFactCommand command, CourseRef course,
            Modality modality, EligibilityGate eligibility) {
        if (!"eligible".equals(decision.outcome()) || !decision.modality().equals(modality.code())) {
            String reason = "eligible".equals(decision.outcome()) ? "eligibility-for-" + decision.modality()
                    : "eligibility-" + decision.outcome();
            return List.of(new CourseHeldEvent(course.courseId(), course.patientId(), course.clinicId(), reason, decision.decisionId(),
                    command.occurredAt()));
        }
        EligibilityRenewedEvent renewed = new EligibilityRenewedEvent(course.courseId(), course.patientId(), decision,
                command.occurredAt());
        if (!eligibility.isHeld()) {
            return List.of(renewed);
        }
        return List.of(renewed, new CourseHoldLiftedEvent(course.courseId(), course.patientId(), course.clinicId(),
                "a newer eligible decision", null, decision.decisionId(), command.occurredAt()));
    }
}
