package org.carecourse.contracts.treatment;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A prescriber opened a treatment course from a valid eligibility decision. {@code indication}:
 * {@code depression}, {@code anxiety}, {@code ptsd} or {@code chronic-pain}; its
 * {@code targetInstrument} ({@code phq-9}, {@code gad-7}, {@code pcl-5}, {@code pain-nrs}) and
 * that instrument's baseline total from screening. {@code baselinePhq9} when a PHQ-9 baseline exists.
 * The plan: {@code inductionCount} sessions within {@code inductionWindowDays}, at least
 * {@code minimumSpacingHours} apart.
 */
public record TreatmentCourseOpened(
        UUID courseId,
        @Size(max = FieldLimits.CODE) String modality,
        int inductionCount,
        int inductionWindowDays,
        UUID eligibilityDecisionId,
        Integer baselinePhq9,
        @Size(max = FieldLimits.CODE) String indication,
        @Size(max = FieldLimits.CODE) String targetInstrument,
        Integer targetBaseline,
        Integer minimumSpacingHours) implements EventPayload {
}
