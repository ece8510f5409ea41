package org.carecourse.contracts.screening;

import java.util.UUID;

import org.carecourse.contracts.EventPayload;

/** A screening result showed suicide risk ({@code trigger}: {@code phq-9-item-9}, {@code c-ssrs-moderate-risk}, {@code c-ssrs-high-risk}). */
public record SafetyAlertRaised(UUID alertId, UUID caseId, String trigger) implements EventPayload {
}
