package org.carecourse.contracts.treatment;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** The course moved phase (induction, maintenance, completed, discontinued). */
public record PhaseChanged(UUID courseId, String from, String to) implements EventPayload {
}
