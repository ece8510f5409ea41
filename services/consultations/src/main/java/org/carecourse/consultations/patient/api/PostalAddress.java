package org.carecourse.consultations.patient.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where the patient lives, as a claim or superbill prints it (US: state as its two letters, ZIP or ZIP+4). */
public record PostalAddress(
        @NotBlank @Size(max = 100) String line1,
        @Size(max = 100) String line2,
        @NotBlank @Size(max = 60) String city,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String state,
        @NotBlank @Pattern(regexp = "\\d{5}(-\\d{4})?", message = "must be a ZIP code") String postalCode) {

    public PostalAddress stripped() {
        return new PostalAddress(line1.strip(), line2 == null || line2.isBlank() ? null : line2.strip(), city.strip(), state, postalCode);
    }

    @Override
    public String toString() {
        return "PostalAddress[redacted]";
    }
}
