package org.carecourse.contracts.treatment;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** A prescriber opened a treatment course from a valid eligibility decision. */
public record TreatmentCourseOpened(UUID courseId, String modality, int inductionCount, int inductionWindowDays, UUID eligibilityDecisionId, Integer baselinePhq9) implements EventPayload {
}
