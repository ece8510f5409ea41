package org.carecourse.treatment.course.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.carecourse.instruments.Instrument;
import org.carecourse.instruments.InstrumentAnswers;
import org.carecourse.instruments.InstrumentScore;
import org.carecourse.instruments.InstrumentScoring;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.treatment.clinical.OutcomeAssessment;
import org.carecourse.treatment.clinical.OutcomeCriteria;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.BaselineScore;
import org.carecourse.treatment.course.api.Indication;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.carecourse.treatment.course.api.RecordOutcomeCommand;
import org.carecourse.treatment.course.api.SafetyAlertRaisedEvent;
import org.carecourse.treatment.course.api.SessionCompletedEvent;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * What a course's outcomes are judged against: screening's baseline total per instrument, the
 * treatments completed (futility is judged after a number of them) and whether the target
 * instrument has shown a response before.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class OutcomeTracker {

    /** Baseline totals by instrument code. */
    private Map<String, Integer> baseline = new HashMap<>();
    private int treatmentsCompleted;
    private boolean respondedBefore;

    OutcomeTracker() {
        // for snapshots
    }

    OutcomeTracker(List<BaselineScore> scores) {
        scores.forEach(score -> baseline.put(score.instrument().code(), score.total()));
    }

    /**
     * An instrument submission, scored by the rules screening uses and judged against the course's
     * baseline for that instrument by the protocol's criteria. A PHQ-9 with item 9 above 0 raises a
     * safety alert at once, as at screening: the highest-risk period is during treatment.
     */
    Judged judge(RecordOutcomeCommand command, CourseRef course, TreatmentProtocol protocol, Indication indication) {
        Instrument instrument = command.instrument();
        OutcomeCriteria criteria = protocol.outcomeCriteria(instrument)
                .orElseThrow(() -> new InvalidFieldException("instrument", instrument.code() + " is not an outcome measure"));
        InstrumentScore score = InstrumentScoring.score(new InstrumentAnswers(instrument, command.items(), null),
                protocol.outcomes().pcl5().remissionBelow());
        boolean target = instrument == indication.targetInstrument();
        OutcomeAssessment assessment = OutcomeAssessment.of(baseline.get(instrument.code()), score.total(), criteria, target,
                treatmentsCompleted, respondedBefore, protocol.outcomes().futilityAfterTreatments());
        OutcomeRecordedEvent recorded = new OutcomeRecordedEvent(course.courseId(), course.patientId(), command.submissionId(),
                command.sessionId(), course.clinicId(), instrument.code(), command.items(), score.total(), score.band(),
                assessment.baseline(), assessment.percentChange(), assessment.response(), assessment.remission(),
                assessment.futility(), target, command.at());
        SafetyAlertRaisedEvent alert = !score.safetyConcern() ? null : new SafetyAlertRaisedEvent(course.courseId(),
                course.patientId(), SafetyAlerts.alertIdFor(command.submissionId()), course.clinicId(), "phq-9-item-9",
                SafetyAlerts.RAISED_BY_TREATMENT, null, command.at());
        return new Judged(recorded, alert);
    }

    /** The outcome recorded and, when the answers show a safety concern, the alert it raises (else null). */
    record Judged(OutcomeRecordedEvent recorded, SafetyAlertRaisedEvent alert) {
    }

    /** Completed sessions of either kind are the treatments futility is judged after. */
    @EventSourcingHandler
    void on(SessionCompletedEvent event) {
        treatmentsCompleted++;
    }

    @EventSourcingHandler
    void on(OutcomeRecordedEvent event) {
        respondedBefore |= event.target() && Boolean.TRUE.equals(event.response());
    }
}
