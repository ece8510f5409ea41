package org.carecourse.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.screening.ScreeningTopics;
import org.carecourse.screening.screeningcase.api.ScreeningCaseIds;
import org.carecourse.servicekit.testing.PlatformWiring;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.testkit.TestTokens;
import org.carecourse.testkit.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Screening from an opened case to a signed decision on Kafka, with every refusal on the way. */
@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ScreeningApplication.NAME)
class ScreeningWorkflowIT {

    static final String PROTOCOL = """
            {"parameters": {"pcl5Cutoff": 33, "trdMinimumTrials": 2, "trdMinimumTrialWeeks": 6,
              "uncontrolledSystolic": 180, "uncontrolledDiastolic": 100, "decisionValidDays": 182,
              "absoluteExclusions": ["psychosis", "schizophrenia"], "spravatoExclusions": ["arteriovenous-malformation"],
              "relativeCautions": ["glaucoma"], "reviewMedicationClasses": ["benzodiazepine", "maoi"]}}""";
    private static final String HISTORY = """
            {"conditions": [], "medications": [{"name": "sertraline", "drugClass": "ssri"}],
             "vitals": {"systolic": 128, "diastolic": 82, "heartRate": 72, "spo2": 98, "weightKg": 70.5, "heightCm": 172,
                        "measuredAt": "2026-11-01T15:00:00Z"},
             "pregnancy": "not-pregnant", "activeSubstanceUseDisorder": false,
             "antidepressantTrials": [{"drug": "sertraline", "adequateDose": true, "weeks": 8, "response": "none"},
                                      {"drug": "venlafaxine", "adequateDose": true, "weeks": 6, "response": "partial"}]}""";

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    Api api;
    UUID clinic;
    UUID otherClinic;
    String nurse;
    String prescriber;
    String frontDesk;

    @BeforeEach
    void setUp() {
        api = Api.onPort(port);
        clinic = UUID.randomUUID();
        otherClinic = UUID.randomUUID();
        nurse = TestTokens.staff("nurse.a", "nurse", Set.of(clinic));
        prescriber = TestTokens.staff("prescriber.a", "prescriber", Set.of(clinic));
        frontDesk = TestTokens.staff("frontdesk.a", "front-desk", Set.of(clinic));
        String admin = TestTokens.staff("admin", "admin", Set.of(clinic));
        Api.Response published = api.post("/api/clinics/" + clinic + "/screening-protocols", PROTOCOL, admin);
        assertThat(published.status()).isEqualTo(201);
        assertThat(EventJson.tree(published.body()).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void fromConsultationToASignedDecisionThroughASafetyAlert() {
        UUID patient = UUID.randomUUID();
        UUID consultation = UUID.randomUUID();
        String caseId = ScreeningCaseIds.forConsultation(consultation).toString();
        String cases = "/api/screening-cases/" + caseId;
        TopicProbe.send(ConsultationsTopics.CONSULTATION, patient.toString(), consultationRequested(patient, consultation));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(cases, nurse).status() == 200);

        // PHQ-9 with item 9 > 0: scored exactly and an alert is raised at once.
        JsonNode phq9 = tree(expect(201, api.post(cases + "/instruments",
                "{\"instrument\": \"phq-9\", \"items\": [3, 3, 2, 2, 2, 2, 2, 1, 1]}", nurse)));
        assertThat(phq9.at("/score/total").asInt()).isEqualTo(18);
        assertThat(phq9.at("/score/band").asString()).isEqualTo("moderately-severe");
        String alertId = phq9.get("openSafetyAlertId").asString();
        JsonNode queue = tree(api.get("/api/safety-alerts?clinicId=" + clinic, nurse));
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.get(0).get("trigger").asString()).isEqualTo("phq-9-item-9");

        // The front desk sees the case, never the answers.
        assertThat(api.get(cases, frontDesk).status()).isEqualTo(200);
        assertRefused(403, api.get(cases + "/instruments", frontDesk));

        expect(200, api.put(cases + "/history", HISTORY, nurse));
        // The clinic directory gives the clinic's zone (far east of UTC, its calendar date can differ); a decision
        // at a clinic it does not know is refused rather than dated in UTC.
        TopicProbe.send(SchedulingTopics.CLINIC, clinic.toString(), GoldenFixtures.of(EventTypes.of(ClinicRegistered.class))
                .replace("11111111-1111-4111-8111-111111111111", clinic.toString())
                .replace("7b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e", UUID.randomUUID().toString())
                .replace("America/Denver", "Pacific/Kiritimati"));
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getBean(JdbcClient.class)
                .sql("select count(*) from clinic where clinic_id = ?").param(clinic).query(Long.class).single() == 1);

        assertRefused(409, api.post(cases + "/eligibility/decision",
                "{\"modality\": \"iv-ketamine\", \"outcome\": \"eligible\"}", prescriber), "safety-follow-up-required");
        String followUp = cases + "/safety-alerts/" + alertId + "/follow-up";
        String followUpBody = "{\"safetyPlan\": \"crisis line; means restriction; sister as support\", \"disposition\": \"continue-screening\"}";
        assertRefused(409, api.post(followUp, followUpBody, nurse), "cssrs-required");

        JsonNode cssrs = tree(expect(201, api.post(cases + "/instruments",
                "{\"instrument\": \"c-ssrs\", \"items\": [1, 0, null, null, null, 0]}", nurse)));
        assertThat(cssrs.at("/score/band").asString()).isEqualTo("low");
        assertThat(tree(expect(200, api.post(followUp, followUpBody, nurse))).get("openAlertId").isNull()).isTrue();
        assertThat(tree(api.get("/api/safety-alerts?clinicId=" + clinic, nurse)).size()).isZero();

        // A prescriber of another clinic cannot sign; an override needs its reason.
        String elsewhere = TestTokens.staff("prescriber.b", "prescriber", Set.of(otherClinic));
        assertRefused(403, api.post(cases + "/eligibility/decision", "{\"modality\": \"iv-ketamine\", \"outcome\": \"eligible\"}", elsewhere));
        JsonNode proposal = tree(expect(200, api.post(cases + "/eligibility/proposal", "{\"modality\": \"iv-ketamine\"}", prescriber)));
        assertThat(proposal.at("/proposal/outcome").asString()).isEqualTo("eligible");
        assertThat(proposal.get("protocolVersion").asInt()).isEqualTo(1);
        assertRefused(422, api.post(cases + "/eligibility/decision",
                "{\"modality\": \"iv-ketamine\", \"outcome\": \"ineligible\"}", prescriber), "override-needs-reason");

        try (TopicProbe caseTopic = new TopicProbe(ScreeningTopics.SCREENING_CASE)) {
            JsonNode decision = tree(expect(201, api.post(cases + "/eligibility/decision",
                    "{\"modality\": \"iv-ketamine\", \"outcome\": \"eligible\"}", prescriber)));
            assertThat(decision.get("outcome").asString()).isEqualTo("eligible");
            assertThat(decision.get("protocolVersion").asInt()).isEqualTo(1);
            assertThat(decision.get("signedBy").asString()).isEqualTo("prescriber.a");
            assertThat(decision.at("/rulesFired/0/rule").asString()).isEqualTo("treatment-resistance-met");
            assertThat(decision.get("validUntil").asString()).isEqualTo(LocalDate.ofInstant(
                    Instant.parse(decision.get("signedAt").asString()), ZoneId.of("Pacific/Kiritimati")).plusDays(182).toString());

            TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(() -> caseTopic.poll().stream()
                    .filter(r -> patient.toString().equals(r.key()) && r.value().contains("\"EligibilityDecided\""))
                    .findFirst(), Optional::isPresent).orElseThrow();
            assertThat(GoldenFixtures.shape(record.value()))
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(EligibilityDecided.class))));
            IntegrationEvent<EventPayload> event = EventJson.read(record.value());
            assertThat(event.actor().userId()).isEqualTo("prescriber.a");
            assertThat(event.clinicId()).isEqualTo(clinic);
            EligibilityDecided decided = (EligibilityDecided) event.payload();
            assertThat(decided.outcome()).isEqualTo("eligible");
            assertThat(decided.overridden()).isFalse();
            assertThat(decided.scores()).extracting(EligibilityDecided.Score::instrument).containsExactlyInAnyOrder("phq-9", "c-ssrs");
        }
        assertRefused(409, api.post(cases + "/instruments",
                "{\"instrument\": \"gad-7\", \"items\": [1, 1, 1, 1, 1, 1, 1]}", nurse), "case-decided");

        // The front desk books on the outcome; the clinical reasoning stays with clinicians.
        JsonNode forFrontDesk = tree(expect(200, api.get(cases + "/eligibility/decision", frontDesk)));
        assertThat(forFrontDesk.get("outcome").asString()).isEqualTo("eligible");
        assertThat(forFrontDesk.get("rulesFired").isNull()).isTrue();
        assertThat(forFrontDesk.get("scores").isNull()).isTrue();
        assertThat(tree(expect(200, api.get(cases + "/eligibility/decision", nurse))).get("rulesFired").size()).isPositive();

        // Every read of the chart is on record, with its purpose where one was given.
        expect(200, api.get(cases + "/instruments?purpose=pre-infusion%20review", nurse));
        Api.Response noPurpose = expect(400, api.get(cases + "/instruments", nurse));
        assertThat(noPurpose.body()).contains("\"field\":\"purpose\"");
        String auditor = TestTokens.staff("auditor", "auditor", Set.of());
        JsonNode reads = tree(expect(200, api.get("/api/audit/reads?patientId=" + patient, auditor)));
        assertThat(reads.valueStream().map(r -> r.get("view").asString()))
                .contains("screening-case", "instrument-answers", "eligibility-decision");
        assertThat(reads.valueStream().filter(r -> r.get("view").asString().equals("instrument-answers"))
                .map(r -> r.get("purpose").asString())).contains("pre-infusion review");
        assertThat(reads.valueStream().map(r -> r.get("readerId").asString())).contains("frontdesk.a", "nurse.a");
        assertRefused(403, api.get("/api/audit/reads?patientId=" + patient, nurse));
    }

    @Test
    void invalidAnswersAreA400NamingTheItemAndStoreNothing() {
        String caseId = openCase();
        Api.Response response = api.post("/api/screening-cases/" + caseId + "/instruments",
                "{\"instrument\": \"phq-9\", \"items\": [0, 0, 0, 4, 0, 0, 0, 0, 0]}", nurse);
        assertRefused(400, response);
        assertThat(response.body()).contains("\"field\":\"items[3]\"");
        Api.Response branching = api.post("/api/screening-cases/" + caseId + "/instruments",
                "{\"instrument\": \"c-ssrs\", \"items\": [1, 0, 1, null, null, 0]}", nurse);
        assertRefused(400, branching);
        assertThat(branching.body()).contains("\"field\":\"items[2]\"");
    }

    @Test
    void onlyAdminsOfTheClinicPublishProtocolsAndOnlyKnownCodes() {
        assertRefused(403, api.post("/api/clinics/" + clinic + "/screening-protocols", PROTOCOL, prescriber));
        String adminElsewhere = TestTokens.staff("admin.b", "admin", Set.of(otherClinic));
        assertRefused(403, api.post("/api/clinics/" + clinic + "/screening-protocols", PROTOCOL, adminElsewhere));
        String admin = TestTokens.staff("admin", "admin", Set.of(clinic));
        Api.Response unknown = api.post("/api/clinics/" + clinic + "/screening-protocols",
                PROTOCOL.replace("\"glaucoma\"", "\"headache\""), admin);
        assertRefused(400, unknown);
        assertThat(unknown.body()).contains("parameters.conditionsKnown");
        assertThat(tree(api.get("/api/clinics/" + clinic + "/screening-protocols", nurse)).size()).isEqualTo(1);
    }

    private String openCase() {
        UUID patient = UUID.randomUUID();
        JsonNode opened = tree(expect(201, api.post("/api/screening-cases",
                "{\"patientId\": \"" + patient + "\", \"clinicId\": \"" + clinic + "\"}", nurse)));
        return opened.get("caseId").asString();
    }

    private String consultationRequested(UUID patient, UUID consultation) {
        return GoldenFixtures.of(EventTypes.of(ConsultationRequested.class))
                .replace("5f0c6f0e-3a1b-4d7e-9a55-0b3f1f2a9c01", UUID.randomUUID().toString())
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString())
                .replace("2a7b9c1d-4e3f-4a5b-8c6d-9e0f1a2b3c4d", consultation.toString())
                .replace("11111111-1111-4111-8111-111111111111", clinic.toString());
    }

    private static Api.Response expect(int status, Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static JsonNode tree(Api.Response response) {
        return EventJson.tree(response.body());
    }

    /** A refusal is problem+json (naming its rule where one is given) and stores nothing. */
    private void assertRefused(int status, Api.Response response, String... rule) {
        long stored = PlatformWiring.storedEvents(context);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (rule.length > 0) {
            assertThat(tree(response).get("rule").asString()).isEqualTo(rule[0]);
        }
        assertThat(PlatformWiring.storedEvents(context)).isEqualTo(stored);
    }
}
