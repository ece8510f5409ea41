package org.carecourse.consultations.consultation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestConsultationCommand(
        @TargetAggregateIdentifier UUID consultationId,
        UUID patientId,
        UUID clinicId,
        List<Condition> conditions,
        ContactPreference contactPreference,
        ReferralSource referralSource,
        Channel channel,
        Instant requestedAt) {
}
