package org.carecourse.contracts.treatment;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * An adverse event of a session, reported during it or in the days after it. {@code severity}:
 * {@code mild}, {@code moderate}, {@code severe}, {@code life-threatening} or {@code death}
 * (null for reports made before severity was coded); {@code serious} is the regulatory
 * definition; {@code followUpRequired} flags serious and severe-or-worse events.
 */
public record AdverseEventReported(
        UUID courseId,
        UUID sessionId,
        @Size(max = FieldLimits.LINE) String type,
        @Size(max = FieldLimits.CODE) String severity,
        @Size(max = FieldLimits.NOTE) String action,
        boolean serious,
        boolean followUpRequired,
        Instant onsetAt) implements EventPayload {
}
