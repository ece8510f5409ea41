package org.carecourse.contracts.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A charge entered the envelope's patient's account at {@code clinicId}, priced by the clinic's fee
 * schedule in force on {@code serviceDate} (the clinic's calendar day). {@code kind}:
 * {@code consultation}, {@code iv-infusion}, {@code booster}, {@code spravato-session},
 * {@code induction-package}, {@code no-show-fee} or {@code late-cancel-fee}. {@code source} names what
 * caused it (e.g. {@code InfusionAdministered}) and {@code sourceId} the session, appointment,
 * consultation or package. A charge covered by a package credit has amount zero and names the
 * package. Amounts carry two decimals in {@code currency} (ISO 4217).
 */
public record ChargePosted(
        UUID chargeId,
        UUID clinicId,
        LocalDate serviceDate,
        @Size(max = FieldLimits.CODE) String kind,
        @Size(max = FieldLimits.CODE) String currency,
        BigDecimal amount,
        UUID coveredByPackageId,
        @Size(max = FieldLimits.CODE) String source,
        UUID sourceId,
        @Size(max = FieldLimits.LIST) List<@Valid Line> lines) implements EventPayload {

    public ChargePosted {
        lines = List.copyOf(lines);
    }

    /**
     * A billed code: CPT/HCPCS {@code code} (or an internal code for fees), an optional
     * {@code modifier}, {@code units}, the line's amount, and for drugs the NDC and milligrams.
     */
    public record Line(
            @Size(max = FieldLimits.CODE) String code,
            @Size(max = FieldLimits.CODE) String modifier,
            int units,
            BigDecimal amount,
            @Size(max = FieldLimits.CODE) String ndc,
            BigDecimal mg) {
    }
}
