package org.carecourse.contracts.treatment;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A session ended without a discharge. {@code modality}: {@code iv-ketamine} or {@code spravato};
 * {@code reason}: {@code patient-left}, {@code transferred-to-ed}, {@code adverse-event},
 * {@code equipment} or {@code other}. A running infusion was stopped first: its
 * InfusionAdministered (what ran) comes before this. The clinician's note stays in treatment.
 */
public record SessionAborted(
        UUID courseId,
        UUID sessionId,
        @Size(max = FieldLimits.CODE) String modality,
        @Size(max = FieldLimits.CODE) String reason,
        Instant abortedAt) implements EventPayload {
}
