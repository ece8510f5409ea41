package org.carecourse.contracts.treatment;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** The course ended: completed or discontinued (the reason stays in treatment). */
public record CourseClosed(UUID courseId, String outcome) implements EventPayload {
}
