package org.carecourse.contracts.treatment;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A course is on hold for suicide risk until the follow-up is documented: a measurement during
 * the course showed it ({@code source} {@code treatment}, {@code trigger} {@code phq-9-item-9}), or
 * screening's alert for the patient entered the course ({@code source} {@code screening}, the
 * alert id screening's own).
 */
public record CourseSafetyAlertRaised(
        UUID alertId,
        UUID courseId,
        @Size(max = FieldLimits.CODE) String trigger,
        @Size(max = FieldLimits.CODE) String source) implements EventPayload {
}
