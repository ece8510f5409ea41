package org.carecourse.contracts.screening;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** A clinician documented the follow-up of a safety alert (the safety plan's text stays in screening). */
public record SafetyAlertResolved(UUID alertId, UUID caseId, String cssrsRisk, String disposition) implements EventPayload {
}
