package org.carecourse.contracts.treatment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** An infusion was held because a reading crossed a threshold. */
public record DoseHeld(
        UUID courseId,
        UUID sessionId,
        @Size(max = FieldLimits.LIST) List<@Size(max = FieldLimits.LINE) String> reasons,
        Instant at) implements EventPayload {
}
