package org.carecourse.scheduling.clinic.api;

import java.util.Set;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddChairCommand(@TargetAggregateIdentifier UUID clinicId, UUID chairId, String name, Set<Capability> capabilities) {

    public AddChairCommand {
        capabilities = Set.copyOf(capabilities);
    }
}
