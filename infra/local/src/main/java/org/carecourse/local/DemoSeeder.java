package org.carecourse.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecourse.screening.protocol.api.ProtocolParameters;
import org.carecourse.treatment.clinical.TreatmentProtocol;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the demo clinics through scheduling's API and gives each a first screening and
 * treatment protocol (the published defaults), as an admin would. Both steps are idempotent, so
 * seeding at every start changes nothing the second time.
 */
final class DemoSeeder {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalPorts ports;

    DemoSeeder(LocalPorts ports) {
        this.ports = ports;
    }

    void seed() throws IOException, InterruptedException {
        String token = token("admin");
        for (DemoChain.Clinic clinic : DemoChain.CLINICS) {
            String body = JSON.writeValueAsString(Map.of("name", clinic.name(), "timeZone", clinic.timeZone()));
            call(token, "PUT", url("scheduling", "/api/clinics/" + clinic.id()), body, 202);
            seedChairs(token, clinic);
            String protocols = url("screening", "/api/clinics/" + clinic.id() + "/screening-protocols");
            if (JSON.readTree(call(token, "GET", protocols, null, 200)).isEmpty()) {
                call(token, "POST", protocols, DEFAULT_PROTOCOL, 201);
            }
            String treatmentProtocols = url("treatment", "/api/clinics/" + clinic.id() + "/treatment-protocols");
            if (JSON.readTree(call(token, "GET", treatmentProtocols, null, 200)).isEmpty()) {
                call(token, "POST", treatmentProtocols, DEFAULT_TREATMENT_PROTOCOL, 201);
            }
        }
    }

    /** Each demo clinic's chairs and rooms, under ids derived from clinic and name so every start re-adds the same ones. */
    private void seedChairs(String token, DemoChain.Clinic clinic) throws IOException, InterruptedException {
        String chairs = url("scheduling", "/api/clinics/" + clinic.id() + "/chairs/");
        for (Map.Entry<String, String> chair : DemoChain.CHAIRS.entrySet()) {
            UUID chairId = UUID.nameUUIDFromBytes((clinic.id() + "/" + chair.getKey()).getBytes(StandardCharsets.UTF_8));
            call(token, "PUT", chairs + chairId, JSON.writeValueAsString(Map.of("name", chair.getKey(),
                    "capabilities", List.of(chair.getValue()))), 200);
        }
    }

    /** The published defaults a clinic starts from; admins publish their own versions through the API. */
    private static final String DEFAULT_PROTOCOL = JSON.writeValueAsString(Map.of("parameters", ProtocolParameters.defaults()));
    private static final String DEFAULT_TREATMENT_PROTOCOL = JSON.writeValueAsString(Map.of("protocol", TreatmentProtocol.defaults()));

    private String url(String service, String path) {
        return "http://localhost:" + ports.service(service) + path;
    }

    private static String call(String token, String method, String url, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("seeding " + method + " " + url + " failed: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A token for a demo user from the local issuer (client credentials). */
    String token(String userId) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(
                (userId + ":" + userId).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ports.issuerUri() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the issuer refused a token for " + userId + ": " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }
}
