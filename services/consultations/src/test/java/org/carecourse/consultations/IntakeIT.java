package org.carecourse.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.consultations.ConsultationCompleted;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.contracts.consultations.PatientDetailsChanged;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.treatment.CourseTransferred;
import org.carecourse.contracts.treatment.TreatmentTopics;
import org.carecourse.servicekit.testing.PlatformWiring;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.Concurrent;
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

/** One patient identity per chain, consult outcomes, intake queues and the public web form. */
@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ConsultationsApplication.NAME)
class IntakeIT {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    Api api;
    UUID clinic;
    String frontDesk;
    String prescriber;

    @BeforeEach
    void setUp() {
        api = Api.onPort(port);
        clinic = UUID.randomUUID();
        frontDesk = TestTokens.staff("frontdesk.a", "front-desk", Set.of(clinic));
        prescriber = TestTokens.staff("prescriber.a", "prescriber", Set.of(clinic));
    }

    @Test
    void aLikelyDuplicateIsRefusedPointingAtTheExistingPatientUnlessConfirmed() {
        String family = "Nguyen-" + UUID.randomUUID();
        String first = patient(family, "+1 303 555 0142", null, false);
        Api.Response created = api.post("/api/patients", first, frontDesk);
        assertThat(created.status()).isEqualTo(201);
        String existing = EventJson.tree(created.body()).get("patientId").asString();

        // Same name and date of birth, phone written differently: the same person.
        Api.Response duplicate = api.post("/api/patients", patient(family, "(303) 555-0142", null, false)
                .replace("\"Minh\"", "\" minh \""), frontDesk);
        assertRefused(409, duplicate);
        JsonNode problem = EventJson.tree(duplicate.body());
        assertThat(problem.get("rule").asString()).isEqualTo("likely-duplicate-patient");
        assertThat(problem.get("existingPatientId").asString()).isEqualTo(existing);

        // A different phone but the same email is still likely the same person.
        assertRefused(409, api.post("/api/patients", patient(family, "+1 720 555 0000", "minh@example.org", false)
                .replace("+1 720 555 0000", "+1 720 555 0001"), frontDesk));

        Api.Response confirmed = api.post("/api/patients", patient(family, "+1 303 555 0142", null, true), frontDesk);
        assertThat(confirmed.status()).isEqualTo(201);
        assertThat(EventJson.tree(confirmed.body()).get("patientId").asString()).isNotEqualTo(existing);
    }

    @Test
    void sixtyFourClinicsRegisteringThePersonAtOnceRegisterThemOnce() throws Exception {
        String family = "Okafor-" + UUID.randomUUID();
        String body = patient(family, "+1 303 555 0199", null, false);
        List<Api.Response> responses = Concurrent.run(64, () -> api.post("/api/patients", body, frontDesk));

        assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        String registered = EventJson.tree(responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().body())
                .get("patientId").asString();
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(EventJson.tree(r.body()).get("existingPatientId").asString()).isEqualTo(registered));
        assertThat(context.getBean(JdbcClient.class).sql("select count(*) from patient where family_name = ?").param(family)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** A superbill prints the patient's address: kept with the demographics, read by the clinic's billing staff, audited. */
    @Test
    void theAddressIsKeptWithTheDemographicsAndTheClinicsBillersReadItForASuperbill() {
        String family = "Okafor-" + UUID.randomUUID();
        String withAddress = patient(family, "+1 303 555 0178", null, false).replace("\"email\"",
                "\"address\": {\"line1\": \"12 Elm St\", \"line2\": \"Apt 3\", \"city\": \"Denver\", \"state\": \"CO\","
                        + " \"postalCode\": \"80203\"}, \"email\"");
        long events = PlatformWiring.storedEvents(context);
        for (String hostile : List.of("\"state\": \"Colorado\"", "\"postalCode\": \"8020<script>\"",
                "\"line1\": \"" + "x".repeat(101) + "\"", "\"city\": \"  \"")) {
            String field = hostile.substring(1, hostile.indexOf('"', 1));
            Api.Response refused = api.post("/api/patients", withAddress.replaceFirst("\"" + field + "\": \"[^\"]*\"",
                    java.util.regex.Matcher.quoteReplacement(hostile)), frontDesk);
            assertThat(refused.status()).as(hostile).isEqualTo(400);
            assertThat(refused.body()).contains("address." + field);
        }
        assertThat(PlatformWiring.storedEvents(context)).as("nothing stored for a refused address").isEqualTo(events);
        Api.Response created = api.post("/api/patients", withAddress, frontDesk);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String patientId = EventJson.tree(created.body()).get("patientId").asString();
        String biller = TestTokens.staff("billing.a", "billing", Set.of(clinic));
        Api.Response read = api.get("/api/patients/" + patientId + "?purpose=superbill", biller);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode address = EventJson.tree(read.body()).get("address");
        assertThat(address.get("line1").asString() + ", " + address.get("line2").asString() + ", " + address.get("city").asString()
                + ", " + address.get("state").asString() + " " + address.get("postalCode").asString())
                .isEqualTo("12 Elm St, Apt 3, Denver, CO 80203");
        assertThat(api.get("/api/patients/" + patientId, TestTokens.staff("billing.b", "billing", Set.of(UUID.randomUUID()))).status())
                .as("another clinic's biller").isEqualTo(403);
        String auditor = TestTokens.staff("auditor", "auditor", Set.of());
        assertThat(EventJson.tree(api.get("/api/audit/reads?patientId=" + patientId, auditor).body()).valueStream()
                .filter(r -> r.get("view").asString().equals("patient-demographics")).map(r -> r.get("purpose").asString()))
                .contains("superbill");
    }

    @Test
    void anyClinicFindsAPatientByExactDetailsOnlyAndEveryReadOfDemographicsIsAudited() {
        String family = "Haddad-" + UUID.randomUUID();
        Api.Response created = api.post("/api/patients", patient(family, "+1 303 555 0177", null, false), frontDesk);
        assertThat(created.status()).isEqualTo(201);
        String patientId = EventJson.tree(created.body()).get("patientId").asString();

        // Staff of another clinic: the chart is not theirs, but the person can be found to book them.
        UUID chicago = UUID.randomUUID();
        String elsewhere = TestTokens.staff("frontdesk.chicago", "front-desk", Set.of(chicago));
        assertThat(api.get("/api/patients/" + patientId, elsewhere).status()).isEqualTo(403);
        String exact = """
                {"givenName": "Minh", "familyName": "%s", "dateOfBirth": "1979-08-30", "phone": "+1 303-555-0177"}""".formatted(family);
        JsonNode found = EventJson.tree(api.post("/api/patients/search", exact, elsewhere).body());
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).get("patientId").asString()).isEqualTo(patientId);
        assertThat(EventJson.tree(api.post("/api/patients/search", exact.replace("1979-08-30", "1979-08-31"), elsewhere).body())
                .size()).as("a near miss finds nobody").isZero();
        Api.Response noContact = api.post("/api/patients/search", exact.replace(", \"phone\": \"+1 303-555-0177\"", ""), elsewhere);
        assertRefused(400, noContact);
        Api.Response booked = api.post("/api/consultations", """
                {"patientId": "%s", "conditions": ["ptsd"], "preferredClinicId": "%s"}""".formatted(patientId, chicago), elsewhere);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);

        assertThat(api.get("/api/patients/" + patientId + "?purpose=check-in", frontDesk).status()).isEqualTo(200);
        String auditor = TestTokens.staff("auditor", "auditor", Set.of());
        JsonNode reads = EventJson.tree(api.get("/api/audit/reads?patientId=" + patientId, auditor).body());
        assertThat(reads.valueStream().map(r -> r.get("view").asString())).contains("patient-demographics", "patient-search");
        assertThat(reads.valueStream().filter(r -> r.get("view").asString().equals("patient-demographics"))
                .map(r -> r.get("purpose").asString())).contains("check-in");
        String adminElsewhere = TestTokens.staff("admin.chicago", "admin", Set.of(chicago));
        assertThat(EventJson.tree(api.get("/api/audit/reads?patientId=" + patientId, adminElsewhere).body())
                .valueStream().map(r -> r.get("view").asString())).as("a clinic admin sees reads of their clinics' data")
                .doesNotContain("patient-demographics");
    }

    @Test
    void aClinicACourseIsTransferredToReadsThePatientsDemographicsAndNoOtherClinicDoes() {
        String family = "Okafor-" + UUID.randomUUID();
        Api.Response created = api.post("/api/patients", patient(family, "+1 303 555 0142", null, false), frontDesk);
        assertThat(created.status()).isEqualTo(201);
        String patientId = EventJson.tree(created.body()).get("patientId").asString();
        UUID chicago = UUID.randomUUID();
        String nurseChicago = TestTokens.staff("nurse.chicago", "nurse", Set.of(chicago));
        String nurseElsewhere = TestTokens.staff("nurse.boston", "nurse", Set.of(UUID.randomUUID()));
        assertThat(api.get("/api/patients/" + patientId, nurseChicago).status()).isEqualTo(403);

        String transferred = GoldenFixtures.of(EventTypes.of(CourseTransferred.class))
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patientId)
                .replace("22222222-2222-4222-8222-222222222222", chicago.toString())
                .replace("feed0008-0000-4000-8000-000000000008", UUID.randomUUID().toString());
        TopicProbe.send(TreatmentTopics.COURSE, patientId, transferred);
        TopicProbe.send(TreatmentTopics.COURSE, patientId, transferred);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/patients/" + patientId + "?purpose=infusion", nurseChicago)
                .status() == 200);
        assertThat(api.get("/api/patients/" + patientId, nurseElsewhere).status()).isEqualTo(403);
        assertThat(context.getBean(JdbcClient.class).sql("select count(*) from patient_care_clinic where patient_id = ?::uuid")
                .param(patientId).query(Long.class).single()).as("delivered twice, kept once").isEqualTo(1);
        JsonNode reads = EventJson.tree(api.get("/api/audit/reads?patientId=" + patientId,
                TestTokens.staff("auditor", "auditor", Set.of())).body());
        assertThat(reads.valueStream().filter(r -> r.get("readerId").asString().equals("nurse.chicago"))
                .map(r -> r.get("purpose").asString())).contains("infusion");
    }

    @Test
    void demographicChangesAreEventsWithAHistoryAndLeaveNoValuesOnKafka() {
        String family = "Okafor-" + UUID.randomUUID();
        String patientId = EventJson.tree(api.post("/api/patients", patient(family, "+1 303 555 0150", null, false), frontDesk)
                .body()).get("patientId").asString();
        try (TopicProbe patients = new TopicProbe(ConsultationsTopics.PATIENT)) {
            Api.Response changed = api.put("/api/patients/" + patientId, patient(family, "+1 720 555 0199", null, false), frontDesk);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(EventJson.tree(changed.body()).get("changedFields").toString()).isEqualTo("[\"phone\"]");

            TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(() -> patients.poll().stream()
                    .filter(r -> patientId.equals(r.key()) && r.value().contains("PatientDetailsChanged")).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(GoldenFixtures.shape(record.value()))
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(PatientDetailsChanged.class))));
            // The new phone in any spelling, not a bare "720" (a random UUID in the envelope may hold that).
            assertThat(record.value()).doesNotContain("720 555 0199", "7205550199", "720-555-0199", family);
        }
        JsonNode history = EventJson.tree(api.get("/api/patients/" + patientId + "/history", frontDesk).body());
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("change").asString()).isEqualTo("registered");
        assertThat(history.get(1).get("changedFields").toString()).isEqualTo("[\"phone\"]");
        assertThat(history.get(1).get("actorId").asString()).isEqualTo("frontdesk.a");
        assertThat(EventJson.tree(api.get("/api/patients/" + patientId, frontDesk).body()).get("phone").asString())
                .isEqualTo("+1 720 555 0199");
    }

    @Test
    void aPrescriberOfTheClinicRecordsTheConsultOutcome() {
        String consultationId = EventJson.tree(api.post("/api/consultations", """
                {"patient": %s, "conditions": ["ptsd"], "preferredClinicId": "%s", "contactPreference": "sms"}"""
                .formatted(patientJson("Ito-" + UUID.randomUUID(), "+1 303 555 0160", null), clinic), frontDesk).body())
                .get("consultationId").asString();
        JsonNode queue = EventJson.tree(api.get("/api/consultations?clinicId=" + clinic, frontDesk).body());
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.get(0).at("/patient/givenName").asString()).isEqualTo("Minh");
        assertThat(queue.get(0).get("contactPreference").asString()).isEqualTo("sms");

        String outcome = "/api/consultations/" + consultationId + "/outcome";
        assertRefused(403, api.post(outcome, "{\"outcome\": \"recommend-screening\"}", frontDesk));
        String elsewhere = TestTokens.staff("prescriber.b", "prescriber", Set.of(UUID.randomUUID()));
        assertRefused(403, api.post(outcome, "{\"outcome\": \"recommend-screening\"}", elsewhere));
        Api.Response noReason = api.post(outcome, "{\"outcome\": \"refer-out\"}", prescriber);
        assertRefused(422, noReason);
        assertThat(EventJson.tree(noReason.body()).get("rule").asString()).isEqualTo("outcome-needs-reason");

        try (TopicProbe consultations = new TopicProbe(ConsultationsTopics.CONSULTATION)) {
            Api.Response done = api.post(outcome, "{\"outcome\": \"recommend-screening\"}", prescriber);
            assertThat(done.status()).isEqualTo(200);
            assertThat(EventJson.tree(done.body()).get("status").asString()).isEqualTo("COMPLETED");
            TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(() -> consultations.poll().stream()
                    .filter(r -> r.value().contains(consultationId) && r.value().contains("ConsultationCompleted")).findFirst(),
                    Optional::isPresent).orElseThrow();
            assertThat(GoldenFixtures.shape(record.value()))
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(ConsultationCompleted.class))));
        }
        assertRefused(409, api.post(outcome, "{\"outcome\": \"not-a-candidate\", \"reason\": \"x\"}", prescriber));
        assertThat(EventJson.tree(api.get("/api/consultations?clinicId=" + clinic, frontDesk).body()).size()).isZero();
    }

    @Test
    void theWebFormIsPublicValidatedKnowsTheClinicsReusesKnownPatientsAndIsRateLimited() {
        TopicProbe.send(SchedulingTopics.CLINIC, clinic.toString(), GoldenFixtures.of(EventTypes.of(ClinicRegistered.class))
                .replace("11111111-1111-4111-8111-111111111111", clinic.toString())
                .replace("7b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e", UUID.randomUUID().toString()));
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.sql("select count(*) from clinic where clinic_id = ?").param(clinic).query(Long.class).single() == 1);

        String family = "Silva-" + UUID.randomUUID();
        String form = """
                {"patient": %s, "conditions": ["depression", "chronic-pain"], "preferredClinicId": "%s",
                 "contactPreference": "email", "referralSource": "web-search"}"""
                .formatted(patientJson(family, "+1 303 555 0170", "r.silva@example.org"), clinic);
        Api.Response received = api.post("/public/consultation-requests", form, null);
        assertThat(received.status()).as(received.body()).isEqualTo(202);
        assertThat(received.body()).contains("reference").doesNotContain("patientId");
        assertThat(api.post("/public/consultation-requests", form, null).status()).isEqualTo(202);

        JsonNode queue = EventJson.tree(api.get("/api/consultations?clinicId=" + clinic, frontDesk).body());
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.get(0).get("channel").asString()).isEqualTo("web");
        assertThat(queue.get(0).get("requestedBy").asString()).isEqualTo("public-web-form");
        assertThat(queue.get(0).get("patientId")).as("the same person twice is one patient").isEqualTo(queue.get(1).get("patientId"));

        Api.Response invalid = api.post("/public/consultation-requests", form.replace("\"email\",", "\"pigeon\","), null);
        assertRefused(400, invalid);
        assertRefused(422, api.post("/public/consultation-requests", form.replace(clinic.toString(), UUID.randomUUID().toString()), null));

        Api.Response limited = null;
        for (int i = 0; i < 10 && (limited == null || limited.status() != 429); i++) {
            limited = api.post("/public/consultation-requests", form, null);
        }
        assertThat(limited.status()).isEqualTo(429);
        assertRefused(429, limited);
    }

    private String patient(String family, String phone, String email, boolean confirmNew) {
        return """
                {"patient": %s, "homeClinicId": "%s", "confirmNewPatient": %s}"""
                .formatted(patientJson(family, phone, email), clinic, confirmNew);
    }

    private static String patientJson(String family, String phone, String email) {
        return """
                {"givenName": "Minh", "familyName": "%s", "dateOfBirth": "1979-08-30", "sex": "male", "phone": "%s", "email": %s}"""
                .formatted(family, phone, email == null ? "\"minh@example.org\"" : "\"" + email + "\"");
    }

    private void assertRefused(int status, Api.Response response) {
        long stored = PlatformWiring.storedEvents(context);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(PlatformWiring.storedEvents(context)).isEqualTo(stored);
    }
}
