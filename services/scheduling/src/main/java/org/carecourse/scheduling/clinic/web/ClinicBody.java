package org.carecourse.scheduling.clinic.web;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A clinic's directory entry; {@code timeZone} is an IANA zone id such as {@code America/Denver}. */
record ClinicBody(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 64) String timeZone) {

    @AssertTrue(message = "must be an IANA time zone such as America/Denver")
    boolean isTimeZone() {
        if (timeZone == null || timeZone.isBlank()) {
            return true; // reported by @NotBlank
        }
        try {
            return ZoneId.of(timeZone).getId().equals(timeZone) && timeZone.contains("/");
        } catch (DateTimeException e) {
            return false;
        }
    }
}
