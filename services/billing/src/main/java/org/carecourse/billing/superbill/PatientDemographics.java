package org.carecourse.billing.superbill;

import java.time.LocalDate;
import java.util.UUID;

import org.carecourse.billing.BillingProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.JsonNode;

/**
 * The patient as a superbill names them (name, date of birth, address), read from consultations,
 * which keeps demographics, with the signed-in biller's own token: consultations decides whether
 * the biller may see the patient and records the read. Billing keeps none of it.
 */
@Component
class PatientDemographics {

    private final RestClient consultations;

    PatientDemographics(BillingProperties properties) {
        this.consultations = RestClient.builder().baseUrl(properties.consultationsUrl().toString()).build();
    }

    Superbill.Patient of(UUID patientId) {
        String token = ((JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication()).getToken().getTokenValue();
        JsonNode patient;
        try {
            patient = consultations.get().uri(u -> u.path("/api/patients/{id}").queryParam("purpose", "superbill").build(patientId))
                    .header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().value() == 403 || response.getStatusCode().value() == 404) {
                            throw new ResponseStatusException(HttpStatus.CONFLICT, "consultations does not show this biller patient "
                                    + patientId + " (" + response.getStatusCode().value() + "): a superbill needs their demographics");
                        }
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "consultations answered "
                                    + response.getStatusCode().value() + " for the patient's demographics; try again");
                        }
                        return response.bodyTo(JsonNode.class);
                    });
        } catch (RestClientException unreachable) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "consultations, which keeps the patient's demographics,"
                    + " cannot be reached; try again", unreachable);
        }
        JsonNode address = patient.path("address");
        return new Superbill.Patient(patient.path("givenName").asString(), patient.path("familyName").asString(),
                LocalDate.parse(patient.path("dateOfBirth").asString()), address.isObject() ? new Superbill.Address(
                        address.path("line1").asString(), address.path("line2").asString(null), address.path("city").asString(),
                        address.path("state").asString(), address.path("postalCode").asString()) : null);
    }
}
