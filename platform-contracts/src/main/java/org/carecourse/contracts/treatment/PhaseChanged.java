package org.carecourse.contracts.treatment;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** The course moved phase (induction, maintenance, completed, discontinued). */
public record PhaseChanged(
        UUID courseId,
        @Size(max = FieldLimits.CODE) String from,
        @Size(max = FieldLimits.CODE) String to) implements EventPayload {
}
