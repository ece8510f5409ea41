package org.carecourse.consultations.consultation.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.consultations.consultation.api.Condition;
import org.carecourse.consultations.consultation.api.ContactPreference;
import org.carecourse.consultations.consultation.api.ReferralSource;
import org.carecourse.consultations.patient.web.PatientBody;
import org.carecourse.contracts.FieldLimits;

/**
 * A consultation request recorded by staff: for a registered patient ({@code patientId}) or a new
 * one ({@code patient}, registered on the way; {@code confirmNewPatient} past a likely duplicate).
 */
public record ConsultationRequestBody(
        UUID patientId,
        @Valid PatientBody patient,
        Boolean confirmNewPatient,
        @NotEmpty @Size(max = FieldLimits.LIST) List<@NotNull Condition> conditions,
        @NotNull UUID preferredClinicId,
        ContactPreference contactPreference,
        ReferralSource referralSource) {

    @AssertTrue(message = "give either patientId or patient, not both")
    boolean isPatientIdentified() {
        return (patientId == null) != (patient == null);
    }

    boolean newPatientConfirmed() {
        return Boolean.TRUE.equals(confirmNewPatient);
    }

    ContactPreference contactPreferenceOrDefault() {
        return contactPreference == null ? ContactPreference.PHONE : contactPreference;
    }
}
