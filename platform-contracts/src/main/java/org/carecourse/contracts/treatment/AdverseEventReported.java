package org.carecourse.contracts.treatment;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** An adverse event during a session. */
public record AdverseEventReported(
        UUID courseId,
        UUID sessionId,
        @Size(max = FieldLimits.LINE) String type,
        @Size(max = FieldLimits.CODE) String severity,
        @Size(max = FieldLimits.NOTE) String action) implements EventPayload {
}
