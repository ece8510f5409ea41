package org.carecourse.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the demo clinics through scheduling's API, as an admin would. Registration is
 * idempotent, so seeding at every start changes nothing the second time.
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
            String body = JSON.writeValueAsString(java.util.Map.of("name", clinic.name(), "timeZone", clinic.timeZone()));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + ports.service("scheduling") + "/api/clinics/" + clinic.id()))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("seeding clinic " + clinic.id() + " failed: "
                        + response.statusCode() + " " + response.body());
            }
        }
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
