package org.carecourse.consultations.patient.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.carecourse.consultations.patient.api.PostalAddress;
import org.carecourse.consultations.patient.api.Sex;

public record PatientView(UUID patientId, String givenName, String familyName, LocalDate dateOfBirth, Sex sex, String phone,
        String email, UUID homeClinicId, Instant registeredAt, PostalAddress address) {

    @Override
    public String toString() {
        return "PatientView[" + patientId + "]";
    }
}
