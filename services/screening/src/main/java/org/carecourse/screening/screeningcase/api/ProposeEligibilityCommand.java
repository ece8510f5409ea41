package org.carecourse.screening.screeningcase.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.instruments.Modality;
import org.carecourse.screening.protocol.api.ProtocolVersion;

import java.util.UUID;

/** Asks the case what the rules propose now; changes nothing and stores nothing. */
public record ProposeEligibilityCommand(@TargetAggregateIdentifier UUID caseId, Modality modality, ProtocolVersion protocol) {
}
