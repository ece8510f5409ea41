package org.carecourse.operations.audit.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.carecourse.operations.OperationsProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The auditors' views read what they show from the services that own it, with the signed-in
 * auditor's own access token: those services decide what the auditor may see and record the
 * read in their read audit. Operations keeps none of it.
 */
@Component
class AuditSources {

    private static final String PURPOSE = "audit";

    private final RestClient treatment;
    private final RestClient consultations;

    AuditSources(OperationsProperties properties) {
        this.treatment = RestClient.builder().baseUrl(properties.treatmentUrl().toString()).build();
        this.consultations = RestClient.builder().baseUrl(properties.consultationsUrl().toString()).build();
    }

    /** An answer from another service: its status, and its JSON body when there was one. */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status == 200;
        }
    }

    Answer findPatient(String token, Map<String, String> details) {
        return call(consultations.post().uri("/api/patients/search").contentType(MediaType.APPLICATION_JSON).body(details), token);
    }

    Answer patient(String token, UUID patientId) {
        return call(consultations.get().uri(u -> purpose(u.path("/api/patients/{id}"), null).build(patientId)), token);
    }

    Answer courses(String token, UUID patientId) {
        return call(treatment.get().uri(u -> purpose(u.path("/api/courses").queryParam("patientId", patientId), null).build()), token);
    }

    Answer course(String token, UUID courseId, Instant asOf) {
        return call(treatment.get().uri(u -> purpose(u.path("/api/courses/{id}"), asOf).build(courseId)), token);
    }

    Answer timeline(String token, UUID courseId) {
        return call(treatment.get().uri(u -> purpose(u.path("/api/courses/{id}/timeline"), null).build(courseId)), token);
    }

    Answer verification(String token, UUID courseId) {
        return call(treatment.get().uri("/api/audit/courses/{id}/verification", courseId), token);
    }

    private static UriBuilder purpose(UriBuilder uri, Instant asOf) {
        uri.queryParam("purpose", PURPOSE);
        return asOf == null ? uri : uri.queryParam("asOf", asOf);
    }

    private static Answer call(RestClient.RequestHeadersSpec<?> request, String token) {
        return request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON)
                .exchange((req, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    JsonNode body = status.is2xxSuccessful() ? response.bodyTo(JsonNode.class) : null;
                    return new Answer(status.value(), body);
                });
    }
}
