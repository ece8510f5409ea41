package org.carecourse.consultations.patient.api;

import java.time.LocalDate;

/**
 * A patient's demographics. Protected health information: kept only in this service, never
 * logged (see {@link #toString()}), never published on Kafka.
 */
/** {@code address} is absent (null) for patients registered before addresses were kept, or who gave none. */
public record PatientDetails(String givenName, String familyName, LocalDate dateOfBirth, Sex sex, String phone,
        String email, PostalAddress address) {

    @Override
    public String toString() {
        return "PatientDetails[redacted]";
    }
}
