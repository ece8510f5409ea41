package org.carecourse.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.carecourse.billing.feeschedule.api.FeeSchedule;
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
            seedScheduling(token, clinic);
            String protocols = url("screening", "/api/clinics/" + clinic.id() + "/screening-protocols");
            if (JSON.readTree(call(token, "GET", protocols, null, 200)).isEmpty()) {
                call(token, "POST", protocols, DEFAULT_PROTOCOL, 201);
            }
            seedBilling(token, clinic);
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

    /**
     * Opening hours (weekdays 08:00–18:00), the clinicians on shift and the scheduling policy, so a
     * newcomer can search availability and book a series right after start; all idempotent.
     */
    private void seedScheduling(String token, DemoChain.Clinic clinic) throws IOException, InterruptedException {
        String base = url("scheduling", "/api/clinics/" + clinic.id());
        List<DayOfWeek> weekdays = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        Map<String, Object> weekly = new LinkedHashMap<>();
        weekdays.forEach(day -> weekly.put(day.name(), List.of(Map.of("opens", "08:00", "closes", "18:00"))));
        call(token, "PUT", base + "/hours", JSON.writeValueAsString(Map.of("weekly", weekly)), 200);
        List<Map<String, String>> shifts = weekdays.stream().map(day -> Map.of("day", day.name(), "from", "08:00", "to", "17:00"))
                .toList();
        for (Map.Entry<String, String> clinician : DemoChain.CLINICIANS.entrySet()) {
            UUID staffId = UUID.nameUUIDFromBytes((clinic.id() + "/" + clinician.getKey()).getBytes(StandardCharsets.UTF_8));
            call(token, "PUT", base + "/staff/" + staffId, JSON.writeValueAsString(Map.of("name", clinic.name() + " "
                    + clinician.getKey(), "role", clinician.getValue(), "shifts", shifts)), 200);
        }
        call(token, "PUT", base + "/scheduling-policy", JSON.writeValueAsString(Map.of("remsCertified",
                DemoChain.REMS_CERTIFIED.contains(clinic.id()), "patientsPerNurse", 2, "lateCancelNoticeHours", 24,
                "noShowGraceMinutes", 15, "reminderLeadHours", List.of(48, 2))), 200);
    }

    /**
     * The chain's list prices as each clinic's first fee schedule, and its billing profile for
     * superbills (demo identifiers). Billing learns a clinic from scheduling's topic, so the first
     * start waits until it has.
     */
    private void seedBilling(String token, DemoChain.Clinic clinic) throws IOException, InterruptedException {
        String base = url("billing", "/api/clinics/" + clinic.id());
        int digits = Math.abs(clinic.id().hashCode() % 1_000_000);
        call(token, "PUT", base + "/billing-profile", JSON.writeValueAsString(Map.of("legalName", clinic.name() + " PLLC",
                "npi", "1%09d".formatted(digits), "tin", "84-%07d".formatted(digits), "address", clinic.name() + ", demo address",
                "renderingProvider", Map.of("name", clinic.name() + " Prescriber", "npi", "2%09d".formatted(digits), "credentials", "MD"))),
                200);
        if (!JSON.readTree(call(token, "GET", base + "/fee-schedules", null, 200)).isEmpty()) {
            return;
        }
        String body = JSON.writeValueAsString(Map.of("effectiveFrom", LocalDate.now(ZoneId.of(clinic.timeZone())).toString(),
                "schedule", FeeSchedule.chainDefault()));
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> published = send(token, "POST", base + "/fee-schedules", body);
            if (published.statusCode() == 200) {
                return;
            }
            if (published.statusCode() != 422 || attempt == 60) {
                throw new IllegalStateException("seeding the fee schedule of " + clinic.name() + " failed: " + published.statusCode() + " "
                        + published.body());
            }
            Thread.sleep(1_000); // billing has not yet read the clinic from scheduling's topic
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
        HttpResponse<String> response = send(token, method, url, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("seeding " + method + " " + url + " failed: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static HttpResponse<String> send(String token, String method, String url, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
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
