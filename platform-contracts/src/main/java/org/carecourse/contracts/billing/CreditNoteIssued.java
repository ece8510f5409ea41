package org.carecourse.contracts.billing;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * An issued invoice now asks {@code amount} less; {@code reason}: {@code billing-error},
 * {@code goodwill}, {@code package-refund} or {@code service-not-rendered}.
 */
public record CreditNoteIssued(
        UUID creditNoteId,
        UUID invoiceId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String currency,
        BigDecimal amount,
        @Size(max = FieldLimits.CODE) String reason) implements EventPayload {
}
