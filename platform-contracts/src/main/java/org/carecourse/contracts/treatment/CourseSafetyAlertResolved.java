package org.carecourse.contracts.treatment;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * The follow-up of a course's safety alert was documented, by the course's prescriber
 * ({@code source} {@code treatment}; {@code disposition}: {@code continue-treatment},
 * {@code outpatient-referral}, {@code crisis-services}, {@code emergency-services}) or in screening
 * ({@code screening}, screening's disposition). The safety plan stays where it was written.
 */
public record CourseSafetyAlertResolved(
        UUID alertId,
        UUID courseId,
        @Size(max = FieldLimits.CODE) String disposition,
        @Size(max = FieldLimits.CODE) String source) implements EventPayload {
}
