package org.carecourse.consultations.consultation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * Revision 2: the patient is referred to by id (demographics live in the patient's own stream);
 * adds contact preference, referral source and channel. Revision 1 is upcast on read.
 */
@Revision("2")
public record ConsultationRequestedEvent(
        UUID consultationId,
        UUID patientId,
        UUID clinicId,
        List<Condition> conditions,
        ContactPreference contactPreference,
        ReferralSource referralSource,
        Channel channel,
        Instant requestedAt) {
}
