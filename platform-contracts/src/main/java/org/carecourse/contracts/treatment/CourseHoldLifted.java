package org.carecourse.contracts.treatment;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** The course's hold ended: sessions may start again. */
public record CourseHoldLifted(UUID courseId) implements EventPayload {
}
