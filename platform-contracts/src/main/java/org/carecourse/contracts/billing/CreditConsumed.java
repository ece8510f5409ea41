package org.carecourse.contracts.billing;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * One credit of a package paid for the charge {@code chargeId}, delivered at {@code deliveredAtClinicId}
 * (the package was sold at {@code soldAtClinicId}); {@code value} is what the selling clinic owes the
 * delivering one for it.
 */
public record CreditConsumed(
        UUID packageId,
        UUID chargeId,
        UUID soldAtClinicId,
        UUID deliveredAtClinicId,
        @Size(max = FieldLimits.CODE) String currency,
        BigDecimal value,
        int creditsLeft) implements EventPayload {
}
