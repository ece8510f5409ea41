package org.carecourse.contracts.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * The envelope's patient bought a package of {@code credits} sessions at {@code clinicId}, usable at
 * any clinic of the chain until the end of {@code expiresOn}. {@code creditValue}: what one credit
 * is worth when another clinic delivers it (the last credit carries the rounding remainder).
 */
public record PackagePurchased(
        UUID packageId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String kind,
        int credits,
        @Size(max = FieldLimits.CODE) String currency,
        BigDecimal price,
        BigDecimal creditValue,
        LocalDate expiresOn) implements EventPayload {
}
