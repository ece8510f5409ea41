package org.carecourse.screening.protocol.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PublishProtocolVersionCommand(@TargetAggregateIdentifier UUID clinicId, Instant effectiveFrom,
        ProtocolParameters parameters) {
}
