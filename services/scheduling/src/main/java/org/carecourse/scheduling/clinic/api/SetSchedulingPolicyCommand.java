package org.carecourse.scheduling.clinic.api;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetSchedulingPolicyCommand(@TargetAggregateIdentifier UUID clinicId, SchedulingPolicy policy) {
}
