package org.carecourse.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.FieldLimits;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.servicekit.testing.PlatformWiring;
import org.carecourse.servicekit.testing.RunnableServiceContract;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.testkit.TestTokens;
import org.carecourse.testkit.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ConsultationsApplication.NAME)
class ConsultationsIT extends RunnableServiceContract {

    private static final UUID DENVER = UUID.randomUUID();
    private static final UUID BOULDER = UUID.randomUUID();
    private static final String FRONT_DESK = TestTokens.staff("frontdesk.denver", "front-desk", Set.of(DENVER));

    private static TopicProbe consultationTopic;

    Api api;

    @BeforeAll
    static void subscribe() {
        consultationTopic = new TopicProbe(ConsultationsTopics.CONSULTATION);
    }

    @AfterAll
    static void unsubscribe() {
        consultationTopic.close();
    }

    @BeforeEach
    void setUp() {
        api = Api.onPort(port);
    }

    @Test
    void aRequestIsStoredProjectedAndPublishedKeyedByPatientInTheFixtureShape() {
        Api.Response created = api.post("/api/consultations", validRequest(DENVER), FRONT_DESK);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = EventJson.tree(created.body());
        String consultationId = body.get("consultationId").asString();
        String patientId = body.get("patientId").asString();

        TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(
                () -> consultationTopic.poll().stream().filter(r -> patientId.equals(r.key())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(GoldenFixtures.shape(record.value()))
                .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(ConsultationRequested.class))));
        IntegrationEvent<EventPayload> event = EventJson.read(record.value());
        assertThat(event.patientId()).hasToString(patientId);
        assertThat(event.clinicId()).isEqualTo(DENVER);
        assertThat(event.actor().userId()).isEqualTo("frontdesk.denver");
        assertThat(event.actor().role()).isEqualTo("front-desk");
        assertThat(event.payload()).isEqualTo(new ConsultationRequested(UUID.fromString(consultationId),
                UUID.fromString(patientId), DENVER, List.of("depression", "anxiety")));
        assertThat(record.value()).as("no demographics leave the service").doesNotContain("Lopez", "1985-04-12");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Api.Response view = api.get("/api/consultations/" + consultationId, FRONT_DESK);
            assertThat(view.status()).isEqualTo(200);
            assertThat(EventJson.tree(view.body()).get("requestedBy").asString()).isEqualTo("frontdesk.denver");
        });
        PlatformWiring.assertStoredPayloadsAreJson(context, consultationId);
        PlatformWiring.assertProcessorHasTokens(context, "consultations-outbound");
    }

    @Test
    void withoutATokenTheRequestIsRefusedWith401AndNothingIsStored() {
        assertRefusedAndNothingStored(api.post("/api/consultations", validRequest(DENVER), null), 401);
    }

    @Test
    void anExpiredTokenIsRefusedWith401() {
        String expired = TestTokens.expired("frontdesk.denver", "front-desk", Set.of(DENVER));
        assertRefusedAndNothingStored(api.post("/api/consultations", validRequest(DENVER), expired), 401);
    }

    @Test
    void theWrongRoleIsRefusedWith403AndNothingIsStored() {
        String nurse = TestTokens.staff("nurse.denver", "nurse", Set.of(DENVER));
        assertRefusedAndNothingStored(api.post("/api/consultations", validRequest(DENVER), nurse), 403);
    }

    @Test
    void anotherClinicIsRefusedWith403AndNothingIsStored() {
        Api.Response response = api.post("/api/consultations", validRequest(BOULDER), FRONT_DESK);
        assertRefusedAndNothingStored(response, 403);
        assertThat(response.body()).contains(BOULDER.toString());
    }

    @Test
    void malformedJsonIsA400ProblemAndNothingIsStored() {
        assertRefusedAndNothingStored(api.post("/api/consultations", "{\"patient\": {", FRONT_DESK), 400);
    }

    @Test
    void anUnknownConditionIsA400NamingTheField() {
        Api.Response response = api.post("/api/consultations",
                validRequest(DENVER).replace("\"anxiety\"", "\"insomnia\""), FRONT_DESK);
        assertRefusedAndNothingStored(response, 400);
        assertThat(response.body()).contains("\"field\":\"conditions[1]\"");
    }

    @Test
    void invalidFieldsAreA400ListingEachField() {
        String invalid = """
                {"patient": {"givenName": " ", "familyName": "Lopez", "dateOfBirth": "2999-01-01",
                             "phone": "call me"},
                 "conditions": [],
                 "preferredClinicId": "%s"}""".formatted(DENVER);
        Api.Response response = api.post("/api/consultations", invalid, FRONT_DESK);
        assertRefusedAndNothingStored(response, 400);
        JsonNode errors = EventJson.tree(response.body()).get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("patient.givenName", "patient.dateOfBirth", "patient.phone", "conditions");
    }

    @Test
    void anUnknownConsultationIsA404Problem() {
        Api.Response response = api.get("/api/consultations/" + UUID.randomUUID(), FRONT_DESK);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private void assertRefusedAndNothingStored(Api.Response response, int status) {
        long before = PlatformWiring.storedEvents(context);
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(EventJson.tree(response.body()).get("status").asInt()).isEqualTo(status);
        assertThat(PlatformWiring.storedEvents(context)).isEqualTo(before);
    }

    /** A request for a new patient with a name of their own, so no test meets another's patient. */
    private static String validRequest(UUID clinic) {
        return """
                {"patient": {"givenName": "Ana", "familyName": "Lopez-%s", "dateOfBirth": "1985-04-12",
                             "phone": "+1 303 555 0101", "email": "ana@example.org"},
                 "conditions": ["depression", "anxiety"],
                 "preferredClinicId": "%s"}""".formatted(UUID.randomUUID(), clinic);
    }

    @Override
    protected List<KeyedWrite> keyedWrites() {
        return List.of(post("/api/consultations", () -> validRequest(DENVER), FRONT_DESK),
                post("/api/patients", () -> """
                        {"patient": {"givenName": "Ana", "familyName": "Reyes-%s", "dateOfBirth": "1990-02-03",
                                     "phone": "+1 303 555 0111"}, "homeClinicId": "%s"}""".formatted(UUID.randomUUID(), DENVER),
                        FRONT_DESK),
                new KeyedWrite("POST", () -> {
                    Api.Response created = api.post("/api/consultations", validRequest(DENVER), FRONT_DESK);
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                    return new Request("/api/consultations/" + EventJson.tree(created.body()).get("consultationId").asString()
                            + "/outcome", "{\"outcome\": \"recommend-screening\"}");
                }, TestTokens.staff("prescriber.denver", "prescriber", Set.of(DENVER))));
    }

    @Override
    protected List<BusyRead> busyReads() {
        Api.Response created = api.post("/api/consultations", validRequest(DENVER), FRONT_DESK);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = EventJson.tree(created.body());
        return List.of(new BusyRead("/api/consultations?clinicId=" + DENVER, FRONT_DESK),
                new BusyRead("/api/consultations/" + body.get("consultationId").asString(), FRONT_DESK),
                new BusyRead("/api/patients/" + body.get("patientId").asString(), FRONT_DESK));
    }

    @Override
    protected List<HostileCase> hostileCases() {
        String valid = validRequest(DENVER);
        String conditions = "[" + "\"depression\",".repeat(FieldLimits.LIST) + "\"anxiety\"]";
        String publicForm = """
                {"patient": {"givenName": "Ana", "familyName": "Lopez", "dateOfBirth": "1985-04-12", "phone": "+1 303 555 0101"},
                 "conditions": %s, "preferredClinicId": "%s", "contactPreference": "phone"}""";
        return List.of(
                HostileCase.post("51 conditions", "/api/consultations",
                        valid.replace("[\"depression\", \"anxiety\"]", conditions), FRONT_DESK, "conditions"),
                HostileCase.post("51 conditions on the public form", "/public/consultation-requests",
                        publicForm.formatted(conditions, DENVER), null, "conditions"),
                HostileCase.post("a 101-character given name", "/api/consultations",
                        valid.replace("\"Ana\"", "\"" + "A".repeat(101) + "\""), FRONT_DESK, "patient.givenName"),
                HostileCase.post("an unknown condition code", "/api/consultations",
                        valid.replace("\"anxiety\"", "\"boredom\""), FRONT_DESK, "conditions[1]"),
                HostileCase.post("a date of birth as a number", "/api/consultations",
                        valid.replace("\"1985-04-12\"", "19850412"), FRONT_DESK, "patient.dateOfBirth"),
                HostileCase.post("a clinic id that is no UUID", "/api/consultations",
                        valid.replace(DENVER.toString(), "denver"), FRONT_DESK, "preferredClinicId"),
                HostileCase.post("a 101-character name to search for", "/api/patients/search", """
                        {"givenName": "%s", "familyName": "Lopez", "dateOfBirth": "1985-04-12", "phone": "+1 303 555 0101"}"""
                        .formatted("A".repeat(101)), FRONT_DESK, "givenName"),
                HostileCase.post("a 31-character phone", "/api/patients", """
                        {"patient": {"givenName": "Ana", "familyName": "Lopez", "dateOfBirth": "1985-04-12",
                                     "phone": "+1 303 555 0101 0101 0101 0101"}, "homeClinicId": "%s"}""".formatted(DENVER),
                        FRONT_DESK, "patient.phone"));
    }

    @Override
    protected List<String> bodyLimitedPaths() {
        return List.of("/api/consultations", "/api/patients", "/public/consultation-requests");
    }

    @Override
    protected List<String> deadLetteringBindings() {
        return List.of("clinicEvents-in-0", "treatmentEvents-in-0");
    }

    @Override
    protected String[] documentedPaths() {
        return new String[] {"\"/api/consultations\"", "\"/api/consultations/{consultationId}/outcome\"", "\"/api/patients\"", "\"/api/patients/{patientId}/history\"", "\"/public/consultation-requests\""};
    }
}
