package org.carecourse.billing.superbill;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;

/** What a clinic prints on a superbill: who it is to a payer (NPI, TIN), where, and who renders its care. */
public record BillingProfile(
        @NotBlank @Size(max = FieldLimits.LINE) String legalName,
        @NotNull @Pattern(regexp = "\\d{10}", message = "an NPI has 10 digits") String npi,
        @NotNull @Pattern(regexp = "\\d{2}-\\d{7}", message = "a TIN reads NN-NNNNNNN") String tin,
        @NotBlank @Size(max = FieldLimits.LINE) String address,
        @Size(max = FieldLimits.CODE) @Pattern(regexp = "[0-9()+\\- ]*") String phone,
        @NotNull @Valid Provider renderingProvider) {

    public record Provider(@NotBlank @Size(max = FieldLimits.LINE) String name,
            @NotNull @Pattern(regexp = "\\d{10}", message = "an NPI has 10 digits") String npi,
            @Size(max = FieldLimits.LINE) String credentials) {
    }
}
