package org.carecourse.contracts.treatment;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * No session of the course starts until a prescriber decides or a newer eligible decision lifts
 * the hold. {@code reason}: a code such as {@code eligibility-ineligible} or
 * {@code eligibility-for-spravato}; the clinical detail stays in treatment.
 */
public record CourseHeld(UUID courseId, @Size(max = FieldLimits.CODE) String reason) implements EventPayload {
}
