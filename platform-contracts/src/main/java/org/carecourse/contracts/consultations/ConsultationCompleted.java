package org.carecourse.contracts.consultations;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A prescriber recorded the consult's outcome: {@code recommend-screening}, {@code refer-out} or
 * {@code not-a-candidate} (the written reason stays in consultations).
 */
public record ConsultationCompleted(
        UUID consultationId,
        UUID patientId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String outcome) implements EventPayload {
}
