package org.carecourse.contracts.treatment;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** A prescriber opened a treatment course from a valid eligibility decision. */
public record TreatmentCourseOpened(
        UUID courseId,
        @Size(max = FieldLimits.CODE) String modality,
        int inductionCount,
        int inductionWindowDays,
        UUID eligibilityDecisionId,
        Integer baselinePhq9) implements EventPayload {
}
