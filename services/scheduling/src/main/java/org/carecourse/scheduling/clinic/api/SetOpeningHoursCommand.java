package org.carecourse.scheduling.clinic.api;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetOpeningHoursCommand(@TargetAggregateIdentifier UUID clinicId, OpeningHours hours) {
}
