package org.carecourse.contracts.treatment;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** The course moved to another clinic of the chain; its history stays in one stream. */
public record CourseTransferred(UUID courseId, UUID fromClinicId, UUID toClinicId) implements EventPayload {
}
