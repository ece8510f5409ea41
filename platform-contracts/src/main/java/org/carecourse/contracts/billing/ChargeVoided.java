package org.carecourse.contracts.billing;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * An open charge (not on an issued invoice) was withdrawn; {@code reason}: {@code posted-in-error},
 * {@code waived} or {@code duplicate}. A charge on an issued invoice is corrected by a credit note instead.
 */
public record ChargeVoided(
        UUID chargeId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String currency,
        BigDecimal amount,
        @Size(max = FieldLimits.CODE) String reason) implements EventPayload {
}
