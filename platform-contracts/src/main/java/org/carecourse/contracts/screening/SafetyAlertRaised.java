package org.carecourse.contracts.screening;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/** A screening result showed suicide risk ({@code trigger}: {@code phq-9-item-9}, {@code c-ssrs-moderate-risk}, {@code c-ssrs-high-risk}). */
public record SafetyAlertRaised(
        UUID alertId,
        UUID caseId,
        @Size(max = FieldLimits.CODE) String trigger) implements EventPayload {
}
