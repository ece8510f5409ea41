package org.carecourse.contracts.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** An invoice of the envelope's patient at {@code clinicId} was issued; from now on only a credit note changes what it asks. */
public record InvoiceIssued(
        UUID invoiceId,
        @Size(max = FieldLimits.CODE) String number,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String currency,
        BigDecimal total,
        LocalDate issuedOn,
        LocalDate dueOn,
        @Size(max = FieldLimits.LIST * 4) List<UUID> chargeIds) implements EventPayload {

    public InvoiceIssued {
        chargeIds = List.copyOf(chargeIds);
    }
}
