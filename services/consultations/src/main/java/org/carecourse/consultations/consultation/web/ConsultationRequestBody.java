package org.carecourse.consultations.consultation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.consultations.consultation.api.Condition;
import org.carecourse.consultations.consultation.api.PatientDetails;

/** What a clinic's intake form sends. */
public record ConsultationRequestBody(
        @NotNull @Valid Patient patient,
        @NotEmpty List<@NotNull Condition> conditions,
        @NotNull UUID preferredClinicId) {

    public record Patient(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email) {

        PatientDetails toDetails() {
            return new PatientDetails(givenName.strip(), familyName.strip(), dateOfBirth, phone.strip(),
                    email == null ? null : email.strip());
        }
    }
}
