package org.carecourse.scheduling.clinic.api;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ClinicRegisteredEvent(UUID clinicId, String name, String timeZone) {
}
