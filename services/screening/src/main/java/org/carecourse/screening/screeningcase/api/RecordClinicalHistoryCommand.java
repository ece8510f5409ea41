package org.carecourse.screening.screeningcase.api;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records (or replaces) the case's clinical history; every version stays in the case's events. */
public record RecordClinicalHistoryCommand(@TargetAggregateIdentifier UUID caseId, ClinicalHistory history) {
}
