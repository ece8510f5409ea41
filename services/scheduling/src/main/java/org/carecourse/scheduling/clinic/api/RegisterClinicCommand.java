package org.carecourse.scheduling.clinic.api;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterClinicCommand(@TargetAggregateIdentifier UUID clinicId, String name, String timeZone) {
}
