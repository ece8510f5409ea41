package org.carecourse.consultations.consultation.api;

import java.time.LocalDate;

/** Who is asking. Protected health information: never logged, never published on Kafka. */
public record PatientDetails(String givenName, String familyName, LocalDate dateOfBirth, String phone, String email) {

    @Override
    public String toString() {
        return "PatientDetails[redacted]";
    }
}
