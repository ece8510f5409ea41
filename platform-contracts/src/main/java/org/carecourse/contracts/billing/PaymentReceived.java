package org.carecourse.contracts.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A payment towards an issued invoice; {@code method}: {@code card}, {@code cash}, {@code check} or
 * {@code external} (the processor's reference stays in billing).
 */
public record PaymentReceived(
        UUID paymentId,
        UUID invoiceId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String method,
        @Size(max = FieldLimits.CODE) String currency,
        BigDecimal amount,
        Instant receivedAt) implements EventPayload {
}
