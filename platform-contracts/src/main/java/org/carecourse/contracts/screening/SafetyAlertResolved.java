package org.carecourse.contracts.screening;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** A clinician documented the follow-up of a safety alert (the safety plan's text stays in screening). */
public record SafetyAlertResolved(
        UUID alertId,
        UUID caseId,
        @Size(max = FieldLimits.CODE) String cssrsRisk,
        @Size(max = FieldLimits.CODE) String disposition) implements EventPayload {
}
