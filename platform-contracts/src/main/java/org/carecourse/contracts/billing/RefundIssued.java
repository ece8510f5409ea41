package org.carecourse.contracts.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** Money went back to the patient from the payment {@code paymentId} of the invoice {@code invoiceId}. */
public record RefundIssued(
        UUID refundId,
        UUID paymentId,
        UUID invoiceId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String currency,
        BigDecimal amount,
        Instant refundedAt) implements EventPayload {
}
