package org.carecourse.contracts.scheduling;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A clinic of the chain exists (or its name or time zone changed): the directory every other
 * service keeps a copy of. {@code timeZone} is an IANA zone id such as {@code America/Denver}.
 */
public record ClinicRegistered(
        UUID clinicId,
        @Size(max = FieldLimits.LINE) String name,
        @Size(max = FieldLimits.CODE) String timeZone) implements EventPayload {
}
