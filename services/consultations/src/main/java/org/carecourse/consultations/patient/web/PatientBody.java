package org.carecourse.consultations.patient.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.consultations.patient.api.PatientDetails;
import org.carecourse.consultations.patient.api.PostalAddress;
import org.carecourse.consultations.patient.api.Sex;

/** Demographics as staff or the intake form send them; {@code sex} and {@code address} may be left out. */
public record PatientBody(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @Past LocalDate dateOfBirth,
        Sex sex,
        @NotBlank @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number") String phone,
        @Email @Size(max = 200) String email,
        @jakarta.validation.Valid PostalAddress address) {

    public PatientDetails toDetails() {
        return new PatientDetails(givenName.strip(), familyName.strip(), dateOfBirth, sex == null ? Sex.UNKNOWN : sex,
                phone.strip(), email == null || email.isBlank() ? null : email.strip(), address == null ? null : address.stripped());
    }

    /** Exact identifying details to find a patient by: name, date of birth, and phone or email. */
    public record Search(@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate dateOfBirth,
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email) {

        @jakarta.validation.constraints.AssertTrue(message = "give a phone or an email")
        boolean isContactGiven() {
            return (phone != null && !phone.isBlank()) || (email != null && !email.isBlank());
        }

        public PatientDetails toDetails() {
            return new PatientDetails(givenName.strip(), familyName.strip(), dateOfBirth, Sex.UNKNOWN,
                    phone == null ? "" : phone.strip(), email == null || email.isBlank() ? null : email.strip(), null);
        }
    }

    /** Registration by staff names the patient's home clinic. */
    public record Registration(@NotNull @jakarta.validation.Valid PatientBody patient, @NotNull UUID homeClinicId,
            Boolean confirmNewPatient) {

        public boolean newPatientConfirmed() {
            return Boolean.TRUE.equals(confirmNewPatient);
        }
    }
}
