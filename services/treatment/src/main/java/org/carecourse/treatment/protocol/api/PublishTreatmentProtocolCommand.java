package org.carecourse.treatment.protocol.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.TreatmentProtocol;

public record PublishTreatmentProtocolCommand(@TargetAggregateIdentifier UUID clinicId, Instant effectiveFrom,
        TreatmentProtocol protocol) {
}
