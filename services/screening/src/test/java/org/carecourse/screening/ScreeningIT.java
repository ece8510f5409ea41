package org.carecourse.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.contracts.screening.ScreeningCaseOpened;
import org.carecourse.contracts.screening.ScreeningTopics;
import org.carecourse.screening.screeningcase.api.ScreeningCaseIds;
import org.carecourse.servicekit.testing.PlatformWiring;
import org.carecourse.servicekit.testing.RunnableServiceContract;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.testkit.TestTokens;
import org.carecourse.testkit.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ScreeningApplication.NAME)
class ScreeningIT extends RunnableServiceContract {

    private static final String FIXTURE = GoldenFixtures.of(EventTypes.of(ConsultationRequested.class));
    private static final String FIXTURE_CLINIC = "11111111-1111-4111-8111-111111111111";

    @Autowired
    MeterRegistry meters;
    Api api;
    UUID clinic;
    String nurse;

    @BeforeEach
    void setUp() {
        api = Api.onPort(port);
        clinic = UUID.randomUUID();
        nurse = TestTokens.staff("nurse.denver", "nurse", Set.of(clinic));
    }

    @Test
    void theSameConsultationRecordDeliveredTwiceOpensOneCase() {
        Request request = new Request(clinic);
        double duplicatesBefore = duplicates();

        TopicProbe.send(ConsultationsTopics.CONSULTATION, request.patientId.toString(), request.json);
        TopicProbe.send(ConsultationsTopics.CONSULTATION, request.patientId.toString(), request.json);

        // The second delivery has been seen and absorbed by the inbox ...
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);
        // ... and the read model, which catches up asynchronously, shows exactly one case.
        JsonNode list = await().atMost(Duration.ofSeconds(15)).until(
                () -> EventJson.tree(api.get("/api/screening-cases?patientId=" + request.patientId, nurse).body()),
                cases -> cases.size() > 0);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("clinicId").asString()).isEqualTo(clinic.toString());
        assertThat(list.get(0).get("consultationId").asString()).isEqualTo(request.consultationId.toString());
        assertThat(PlatformWiring.storedEvents(context, ScreeningCaseIds.forConsultation(request.consultationId).toString()))
                .isEqualTo(1);
        PlatformWiring.assertProcessorHasTokens(context, "screening-outbound");
    }

    @Test
    void anOpenedCaseIsPublishedWithTheConsultationAsItsCause() {
        Request request = new Request(clinic);
        try (TopicProbe caseTopic = new TopicProbe(ScreeningTopics.SCREENING_CASE)) {
            TopicProbe.send(ConsultationsTopics.CONSULTATION, request.patientId.toString(), request.json);

            TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(
                    () -> caseTopic.poll().stream().filter(r -> request.patientId.toString().equals(r.key())).findFirst(),
                    Optional::isPresent).orElseThrow();

            assertThat(GoldenFixtures.shape(record.value()))
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(ScreeningCaseOpened.class))));
            IntegrationEvent<EventPayload> event = EventJson.read(record.value());
            assertThat(event.causationId()).isEqualTo(request.eventId.toString());
            assertThat(event.correlationId()).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
            assertThat(event.actor().role()).isEqualTo("system");
            assertThat(event.payload()).isEqualTo(new ScreeningCaseOpened(
                    ScreeningCaseIds.forConsultation(request.consultationId), request.patientId, clinic, request.consultationId));
        }
    }

    @Test
    void aPoisonRecordIsRetriedThenDeadLetteredAndLaterRecordsStillFlow() {
        String dlq = "carecourse.consultations.consultation.v1.screening.dlq";
        String poisonKey = UUID.randomUUID().toString();
        Request after = new Request(clinic);
        try (TopicProbe deadLetters = new TopicProbe(dlq)) {
            TopicProbe.send(ConsultationsTopics.CONSULTATION, poisonKey, "{\"type\":\"ConsultationRequested\",\"schemaVersion\":1}");
            // A type this build does not know is dead-lettered too, to be replayed once it does, never skipped.
            String unknownKey = UUID.randomUUID().toString();
            TopicProbe.send(ConsultationsTopics.CONSULTATION, unknownKey,
                    new Request(clinic).json.replace("\"ConsultationRequested\"", "\"ConsultationRequestedByFax\""));
            TopicProbe.send(ConsultationsTopics.CONSULTATION, after.patientId.toString(), after.json);

            Set<String> seen = new java.util.HashSet<>();
            await().atMost(Duration.ofSeconds(45)).until(() -> {
                deadLetters.poll().forEach(r -> seen.add(r.key()));
                return seen.containsAll(Set.of(poisonKey, unknownKey));
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                EventJson.tree(api.get("/api/screening-cases?patientId=" + after.patientId, nurse).body()).size())
                .isEqualTo(1));
    }

    @Test
    void staffOfAnotherClinicCannotReadTheCaseAndAnonymousCallersAreRefused() {
        Request request = new Request(clinic);
        TopicProbe.send(ConsultationsTopics.CONSULTATION, request.patientId.toString(), request.json);
        String caseId = ScreeningCaseIds.forConsultation(request.consultationId).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/screening-cases/" + caseId, nurse).status() == 200);

        String elsewhere = TestTokens.staff("nurse.boulder", "nurse", Set.of(UUID.randomUUID()));
        Api.Response refused = api.get("/api/screening-cases/" + caseId, elsewhere);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/screening-cases/" + caseId, null).status()).isEqualTo(401);
        assertThat(api.get("/api/screening-cases?clinicId=" + clinic, elsewhere).status()).isEqualTo(403);
        String auditor = TestTokens.staff("auditor", "auditor", Set.of());
        assertThat(api.get("/api/screening-cases/" + caseId, auditor).status()).isEqualTo(200);
        String billing = TestTokens.staff("billing.denver", "billing", Set.of(clinic));
        assertThat(api.get("/api/screening-cases/" + caseId, billing).status()).isEqualTo(403);
    }

    private double duplicates() {
        var counter = meters.find("carecourse.inbound.events").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The golden fixture with fresh ids, so each test has its own patient, clinic and consultation. */
    private static final class Request {
        final UUID eventId = UUID.randomUUID();
        final UUID patientId = UUID.randomUUID();
        final UUID consultationId = UUID.randomUUID();
        final String json;

        Request(UUID clinic) {
            json = FIXTURE.replace("5f0c6f0e-3a1b-4d7e-9a55-0b3f1f2a9c01", eventId.toString())
                    .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patientId.toString())
                    .replace("2a7b9c1d-4e3f-4a5b-8c6d-9e0f1a2b3c4d", consultationId.toString())
                    .replace(FIXTURE_CLINIC, clinic.toString());
        }
    }

    @Override
    protected String[] documentedPaths() {
        return new String[] {"\"/api/screening-cases\"", "\"/api/screening-cases/{caseId}/instruments\"", "\"/api/screening-cases/{caseId}/history\"", "\"/api/safety-alerts\"", "\"/api/screening-cases/{caseId}/safety-alerts/{alertId}/follow-up\"", "\"/api/screening-cases/{caseId}/eligibility/proposal\"", "\"/api/screening-cases/{caseId}/eligibility/decision\"", "\"/api/clinics/{clinicId}/screening-protocols\""};
    }

    @Override
    protected List<KeyedWrite> keyedWrites() {
        String admin = TestTokens.staff("admin.a", "admin", Set.of(clinic));
        Api.Response protocol = api.post("/api/clinics/" + clinic + "/screening-protocols", ScreeningWorkflowIT.PROTOCOL, admin);
        assertThat(protocol.status()).as(protocol.body()).isEqualTo(201);
        Api.Response opened = api.post("/api/screening-cases",
                "{\"patientId\": \"%s\", \"clinicId\": \"%s\"}".formatted(UUID.randomUUID(), clinic), nurse);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String instruments = "/api/screening-cases/" + EventJson.tree(opened.body()).get("caseId").asString() + "/instruments";
        java.util.concurrent.atomic.AtomicInteger answer = new java.util.concurrent.atomic.AtomicInteger();
        return List.of(post("/api/screening-cases",
                () -> "{\"patientId\": \"%s\", \"clinicId\": \"%s\"}".formatted(UUID.randomUUID(), clinic), nurse),
                post(instruments, () -> "{\"instrument\": \"gad-7\", \"items\": [%d, 1, 1, 1, 1, 1, 1]}"
                        .formatted(answer.incrementAndGet() % 4), nurse),
                post("/api/clinics/" + clinic + "/screening-protocols", () -> ScreeningWorkflowIT.PROTOCOL
                        .replace("\"decisionValidDays\": 182", "\"decisionValidDays\": " + (100 + answer.incrementAndGet())), admin));
    }

    @Override
    protected String chainedStream() {
        api.post("/api/clinics/" + clinic + "/screening-protocols", ScreeningWorkflowIT.PROTOCOL, TestTokens.staff("admin.a", "admin",
                Set.of(clinic)));
        Api.Response opened = api.post("/api/screening-cases",
                "{\"patientId\": \"%s\", \"clinicId\": \"%s\"}".formatted(UUID.randomUUID(), clinic), nurse);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = EventJson.tree(opened.body()).get("caseId").asString();
        Api.Response scored = api.post("/api/screening-cases/" + caseId + "/instruments",
                "{\"instrument\": \"gad-7\", \"items\": [1, 1, 1, 1, 1, 1, 1]}", nurse);
        assertThat(scored.status()).as(scored.body()).isEqualTo(201);
        return caseId;
    }

    @Override
    protected List<BusyRead> busyReads() {
        return List.of(new BusyRead("/api/screening-cases?clinicId=" + clinic, nurse),
                new BusyRead("/api/safety-alerts?clinicId=" + clinic, nurse));
    }

    @Override
    protected List<HostileCase> hostileCases() {
        String someCase = "/api/screening-cases/" + UUID.randomUUID();
        String history = """
                {"conditions": [], "medications": %s,
                 "vitals": {"systolic": 120, "diastolic": 80, "heartRate": 70, "spo2": 98, "weightKg": 70, "heightCm": 170,
                            "measuredAt": "2026-11-01T10:00:00Z"},
                 "pregnancy": "not-applicable", "activeSubstanceUseDisorder": false, "antidepressantTrials": []}""";
        String medication = "{\"name\": \"sertraline\", \"drugClass\": \"ssri\"}";
        return List.of(
                HostileCase.post("a patient id that is no UUID", "/api/screening-cases",
                        "{\"patientId\": \"patient-1\", \"clinicId\": \"%s\"}".formatted(clinic), nurse, "patientId"),
                HostileCase.post("51 answers", someCase + "/instruments",
                        "{\"instrument\": \"phq-9\", \"items\": [" + "0,".repeat(50) + "0]}", nurse, "items"),
                HostileCase.post("an unknown instrument", someCase + "/instruments",
                        "{\"instrument\": \"phq-99\", \"items\": [0]}", nurse, "instrument"),
                HostileCase.post("a 4,001-character safety plan", someCase + "/safety-alerts/" + UUID.randomUUID() + "/follow-up",
                        "{\"safetyPlan\": \"" + "p".repeat(4_001) + "\", \"disposition\": \"continue-screening\"}", nurse, "safetyPlan"),
                new HostileCase("51 medications", "PUT", someCase + "/history",
                        history.formatted("[" + (medication + ",").repeat(50) + medication + "]"), nurse, 400, "medications"),
                new HostileCase("a 201-character drug name", "PUT", someCase + "/history",
                        history.formatted("[" + medication.replace("sertraline", "s".repeat(201)) + "]"), nurse, 400,
                        "medications[0].name"));
    }

    @Override
    protected List<String> bodyLimitedPaths() {
        return List.of("/api/screening-cases");
    }

    @Override
    protected List<String> deadLetteringBindings() {
        return List.of("consultationEvents-in-0", "clinicEvents-in-0");
    }
}
