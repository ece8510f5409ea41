package org.carecourse.contracts.treatment;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * An instrument submission during a course, against the course's baseline for that instrument
 * ({@code phq-9}, {@code gad-7}, {@code pcl-5}, {@code pain-nrs}). Without a baseline for it,
 * {@code baseline}, {@code percentChange} and {@code response} are null. {@code target} marks the
 * course's target instrument, the only one futility is judged on. Item answers stay in treatment.
 */
public record OutcomeRecorded(
        UUID courseId,
        UUID sessionId,
        @Size(max = FieldLimits.CODE) String instrument,
        int score,
        Integer baseline,
        Integer percentChange,
        Boolean response,
        Boolean remission,
        boolean futility,
        @Size(max = FieldLimits.CODE) String band,
        boolean target) implements EventPayload {
}
