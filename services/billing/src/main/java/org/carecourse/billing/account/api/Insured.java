package org.carecourse.billing.account.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The insurance a superbill is claimed against: the plan, the member and the insured person (the
 * patient themselves, or the spouse or parent whose plan covers them).
 */
public record Insured(
        @NotBlank @Size(max = 100) String payerName,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be 1 to 40 letters, digits or dashes") String memberId,
        @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be 1 to 40 letters, digits or dashes") String groupNumber,
        @NotBlank @Size(max = 200) String insuredName,
        @NotNull @Past LocalDate insuredDateOfBirth,
        @NotNull @Pattern(regexp = "self|spouse|child|other", message = "must be self, spouse, child or other") String relationship) {

    @Override
    public String toString() {
        return "Insured[redacted]";
    }
}
