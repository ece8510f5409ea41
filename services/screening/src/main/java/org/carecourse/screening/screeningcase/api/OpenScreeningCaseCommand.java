package org.carecourse.screening.screeningcase.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a screening case; {@code consultationId} is null when staff open one directly. */
public record OpenScreeningCaseCommand(
        @TargetAggregateIdentifier UUID caseId,
        UUID patientId,
        UUID clinicId,
        UUID consultationId,
        Instant openedAt) {
}
