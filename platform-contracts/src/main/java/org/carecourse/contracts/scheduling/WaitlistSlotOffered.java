package org.carecourse.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A cancellation freed a slot and the envelope's patient, waiting for an earlier one, is offered
 * it ({@code freedBy}: the cancelled appointment); the front desk confirms it with the patient.
 */
public record WaitlistSlotOffered(
        UUID entryId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String type,
        UUID chairId,
        Instant startsAt,
        UUID freedBy) implements EventPayload {
}
