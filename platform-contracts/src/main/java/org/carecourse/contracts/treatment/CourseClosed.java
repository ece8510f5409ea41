package org.carecourse.contracts.treatment;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** The course ended: completed or discontinued (the reason stays in treatment). */
public record CourseClosed(UUID courseId, @Size(max = FieldLimits.CODE) String outcome) implements EventPayload {
}
