package org.carecourse.treatment.course.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carecourse.instruments.Instrument;
import org.carecourse.treatment.clinical.OutcomeAssessment;
import org.carecourse.treatment.clinical.OutcomeCriteria;
import org.carecourse.treatment.course.api.BaselineScore;

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

    OutcomeAssessment assess(Instrument instrument, int total, OutcomeCriteria criteria, boolean target, int futilityAfterTreatments) {
        return OutcomeAssessment.of(baseline.get(instrument.code()), total, criteria, target, treatmentsCompleted, respondedBefore,
                futilityAfterTreatments);
    }

    void treatmentCompleted() {
        treatmentsCompleted++;
    }

    void recorded(boolean target, Boolean response) {
        respondedBefore |= target && Boolean.TRUE.equals(response);
    }
}
