package org.carecourse.contracts.consultations;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/**
 * A prescriber recorded the consult's outcome: {@code recommend-screening}, {@code refer-out} or
 * {@code not-a-candidate} (the written reason stays in consultations).
 */
public record ConsultationCompleted(UUID consultationId, UUID patientId, UUID clinicId, String outcome)
        implements EventPayload {
}
