package org.carecourse.screening.screeningcase.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.instruments.Modality;
import org.carecourse.screening.eligibility.Outcome;
import org.carecourse.screening.protocol.api.ProtocolVersion;

/**
 * A prescriber signs the decision. An outcome other than the rules' proposal is an override and
 * needs {@code overrideReason}. {@code clinicZone} dates the decision in the clinic's calendar.
 */
public record SignEligibilityDecisionCommand(@TargetAggregateIdentifier UUID caseId, UUID decisionId, Modality modality,
        Outcome outcome, String overrideReason, ProtocolVersion protocol, Instant signedAt, ZoneId clinicZone) {
}
