package org.carecourse.consultations.consultation.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consultation request as the clinic's intake queue shows it, with the patient's name and
 * contact details so the front desk can call back.
 */
public record ConsultationView(UUID consultationId, UUID patientId, UUID clinicId, List<String> conditions, String status,
        String contactPreference, String referralSource, String channel, Instant requestedAt, String requestedBy,
        String outcome, String outcomeReason, Instant completedAt, String completedBy, Contact patient) {

    public record Contact(String givenName, String familyName, String phone, String email) {

        @Override
        public String toString() {
            return "Contact[redacted]";
        }
    }
}
