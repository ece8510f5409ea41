package org.carecourse.contracts.scheduling;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/**
 * A clinic of the chain exists (or its name or time zone changed): the directory every other
 * service keeps a copy of. {@code timeZone} is an IANA zone id such as {@code America/Denver}.
 */
public record ClinicRegistered(UUID clinicId, String name, String timeZone) implements EventPayload {
}
