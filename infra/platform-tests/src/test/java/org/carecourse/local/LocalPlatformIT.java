package org.carecourse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.screening.ScreeningTopics;
import org.carecourse.testkit.Api;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The README's run command end to end: the platform as a developer starts it (real KRaft
 * broker in a child JVM, embedded PostgreSQL with a persistent folder, the token issuer, every
 * service), the slice driven over REST with issuer tokens, a duplicated Kafka record, and a
 * restart that keeps the data. Ports are offset so it can run beside a developer's platform.
 */
class LocalPlatformIT {

    private static final Path DATA = Path.of("target", "local-platform-it").toAbsolutePath();
    private static final Path KAFKA_CLASSPATH = Path.of("..", "kafka-broker", "target", "kafka-broker.classpath");
    private static final LocalPorts PORTS = LocalPorts.offset(10_000);
    private static final String DENVER = DemoChain.DENVER.id().toString();

    @Test
    void theJourneyToASignedDecisionRunsOnTheLocalPlatformAbsorbsADuplicateAndSurvivesARestart() throws Exception {
        deleteRecursively(DATA);
        String consultationId;
        String patientId;
        String caseId;

        try (LocalPlatform platform = LocalPlatform.start(DATA, KAFKA_CLASSPATH, PORTS)) {
            // A clinic's kept data: an acknowledged commit must survive a crash of the server.
            assertThat(platform.postgresSetting("fsync")).isEqualTo("on");
            assertThat(platform.postgresSetting("synchronous_commit")).isEqualTo("on");
            DemoSeeder issuer = new DemoSeeder(PORTS);
            String frontDesk = issuer.token("frontdesk.denver");
            String nurse = issuer.token("nurse.denver");

            // The worst an anonymous caller sent before: 90,000 conditions (1.26 MB), then 51. Both
            // refused; the consultation after them still reaches screening below.
            String form = """
                    {"patient": {"givenName": "Ana", "familyName": "Lopez", "dateOfBirth": "1985-04-12", "phone": "+1 303 555 0101"},
                     "conditions": [%s], "preferredClinicId": "%s", "contactPreference": "phone"}""";
            assertThat(api("consultations").post("/public/consultation-requests",
                    form.formatted("\"depression\",".repeat(89_999) + "\"depression\"", DENVER), null).status()).isEqualTo(413);
            assertThat(api("consultations").post("/public/consultation-requests",
                    form.formatted("\"depression\",".repeat(50) + "\"depression\"", DENVER), null).status()).isEqualTo(400);

            Api.Response created = api("consultations").post("/api/consultations", """
                    {"patient": {"givenName": "Ana", "familyName": "Lopez", "dateOfBirth": "1985-04-12",
                                 "phone": "+1 303 555 0101", "address": {"line1": "12 Elm St", "city": "Denver", "state": "CO",
                                 "postalCode": "80203"}},
                     "conditions": ["depression", "ptsd"], "preferredClinicId": "%s"}""".formatted(DENVER), frontDesk);
            assertThat(created.status()).isEqualTo(201);
            consultationId = EventJson.tree(created.body()).get("consultationId").asString();
            patientId = EventJson.tree(created.body()).get("patientId").asString();

            JsonNode cases = awaitCases(patientId, nurse);
            assertThat(cases.size()).isEqualTo(1);
            caseId = cases.get(0).get("caseId").asString();
            assertThat(cases.get(0).get("clinicId").asString()).isEqualTo(DENVER);

            // The same record delivered again (as after a producer retry or a consumer crash).
            MeterRegistry screeningMeters = platform.service("screening").getBean(MeterRegistry.class);
            double duplicatesBefore = count(screeningMeters);
            redeliverConsultationRecord(patientId);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(screeningMeters) > duplicatesBefore);
            assertThat(awaitCases(patientId, nurse).size()).isEqualTo(1);
            assertThat(screeningEvents(platform, caseId)).isEqualTo(1);

            screenToASignedDecision(consultationId, patientId, caseId, issuer.token("prescriber.denver"), nurse);
            assertThat(screeningEvents(platform, caseId)).isEqualTo(SCREENING_EVENTS_OF_THE_JOURNEY);
            transferredToChicagoTheCourseIsFoundReadAndTreatedThereAndEveryReadIsAudited(patientId, issuer);

            // Once every service has taken everything in, no consumer group reads as behind: the
            // relays' transaction markers take offsets of their own, which idle consumers commit past.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(consumerLag()).as("records published but not taken in, per group").isEmpty());
        }

        try (LocalPlatform restarted = LocalPlatform.start(DATA, KAFKA_CLASSPATH, PORTS)) {
            DemoSeeder issuer = new DemoSeeder(PORTS);
            String frontDesk = issuer.token("frontdesk.denver");
            String nurse = issuer.token("nurse.denver");

            Api.Response consultation = api("consultations").get("/api/consultations/" + consultationId, frontDesk);
            assertThat(consultation.status()).isEqualTo(200);
            assertThat(consultation.body()).contains(patientId);
            assertThat(api("screening").get("/api/screening-cases/" + caseId, nurse).status()).isEqualTo(200);
            assertThat(screeningEvents(restarted, caseId)).as("restart replays nothing twice").isEqualTo(SCREENING_EVENTS_OF_THE_JOURNEY);
            JsonNode decision = EventJson.tree(api("screening").get("/api/screening-cases/" + caseId + "/eligibility/decision", nurse).body());
            assertThat(decision.get("outcome").asString()).isEqualTo("eligible");

            JsonNode clinics = EventJson.tree(api("scheduling").get("/api/clinics", frontDesk).body());
            assertThat(clinics.size()).isEqualTo(3);
            JdbcClient scheduling = restarted.service("scheduling").getBean(JdbcClient.class);
            assertThat(scheduling.sql("select count(*) from domain_event_entry where payload_type like '%ClinicRegisteredEvent'")
                    .query(Long.class).single()).as("seeding twice registers each clinic once").isEqualTo(3);
            assertThat(scheduling.sql("select count(*) from domain_event_entry where payload_type like '%ChairAddedEvent'")
                    .query(Long.class).single()).as("and adds each chair once").isEqualTo(3L * DemoChain.CHAIRS.size());
            assertThat(scheduling.sql("select count(*) from domain_event_entry where payload_type like '%StaffAssignedEvent'")
                    .query(Long.class).single()).as("assigns each clinician once").isEqualTo(3L * DemoChain.CLINICIANS.size());
            assertThat(scheduling.sql("select count(*) from domain_event_entry where payload_type like '%SchedulingPolicySetEvent'"
                    + " or payload_type like '%OpeningHoursSetEvent'").query(Long.class).single())
                    .as("and sets each clinic's hours and policy once").isEqualTo(6);
            long protocolEvents = restarted.service("screening").getBean(JdbcClient.class)
                    .sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                    .param(DENVER).query(Long.class).single();
            assertThat(protocolEvents).as("seeding twice publishes one protocol version").isEqualTo(1);
        }
    }

    /**
     * A course opened at Denver moves to Chicago: Chicago finds the patient by exact details and the
     * course by patient, reads the demographics (open to it once the course is there), runs an
     * infusion up to its Schedule III record, and every one of those reads is in the read audit.
     */
    private void transferredToChicagoTheCourseIsFoundReadAndTreatedThereAndEveryReadIsAudited(String patientId, DemoSeeder issuer)
            throws Exception {
        String prescriberDenver = issuer.token("prescriber.denver");
        String chicago = DemoChain.CHICAGO.id().toString();
        Api treatment = api("treatment");
        Api consultations = api("consultations");
        String courseId = await().atMost(Duration.ofSeconds(60)).until(() -> {
            Api.Response opened = treatment.post("/api/courses", """
                    {"patientId": "%s", "clinicId": "%s", "modality": "iv-ketamine", "indication": "depression"}"""
                    .formatted(patientId, DENVER), prescriberDenver);
            return opened.status() == 201 ? EventJson.tree(opened.body()).get("courseId").asString() : null;
        }, Objects::nonNull);
        searchAndBookTheInductionAtDenver(patientId, courseId, issuer.token("frontdesk.denver"));
        Api.Response moved = treatment.post("/api/courses/" + courseId + "/transfer",
                "{\"toClinicId\": \"%s\", \"reason\": \"moved to Chicago\"}".formatted(chicago), prescriberDenver);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        String frontDeskChicago = issuer.token("frontdesk.chicago");
        String nurseChicago = issuer.token("nurse.chicago");
        JsonNode found = EventJson.tree(consultations.post("/api/patients/search", """
                {"givenName": "Ana", "familyName": "Lopez", "dateOfBirth": "1985-04-12", "phone": "+1 303 555 0101"}""",
                frontDeskChicago).body());
        assertThat(found.valueStream().map(p -> p.get("patientId").asString())).containsExactly(patientId);
        JsonNode courses = EventJson.tree(treatment.get("/api/courses?patientId=" + patientId + "&purpose=transfer-intake",
                nurseChicago).body());
        assertThat(courses.valueStream().filter(c -> c.get("courseId").asString().equals(courseId))
                .map(c -> c.get("clinicId").asString())).containsExactly(chicago);
        Api.Response demographics = await().atMost(Duration.ofSeconds(30)).until(
                () -> consultations.get("/api/patients/" + patientId + "?purpose=transfer-intake", nurseChicago), r -> r.status() == 200);
        assertThat(demographics.body()).contains("Lopez");

        String course = "/api/courses/" + courseId;
        Api.Response started = treatment.post(course + "/sessions", """
                {"clinicId": "%s", "vitals": {"systolic": 126, "diastolic": 80, "heartRate": 70, "spo2": 98},
                 "fastingConfirmed": true, "escortConfirmed": true, "weightKg": 64, "weightMeasuredAt": "%s", "mgPerKg": 0.5}"""
                .formatted(chicago, Instant.now().minus(Duration.ofDays(1))), nurseChicago);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String session = course + "/sessions/" + EventJson.tree(started.body()).get("sessionId").asString();
        assertThat(treatment.post(session + "/vitals", "{\"systolic\": 130, \"diastolic\": 84, \"heartRate\": 76, \"spo2\": 97}",
                nurseChicago).status()).isEqualTo(200);
        assertThat(treatment.post(session + "/stop", "{\"mgGiven\": 32.0, \"reason\": \"completed\"}", nurseChicago).status())
                .isEqualTo(200);
        assertThat(treatment.post(session + "/controlled-substance", """
                {"lot": "KET-2026-12", "givenMg": 32.0, "wastedMg": 18.0, "witness": "prescriber.chicago"}""", nurseChicago).status())
                .isEqualTo(200);
        assertThat(treatment.get("/api/clinics/" + chicago + "/sessions", nurseChicago).body()).contains(courseId);
        billedAtChicagoInvoicedAndPartlyPaid(patientId, issuer.token("billing.chicago"));

        String auditor = issuer.token("auditor");
        JsonNode intakeReads = EventJson.tree(consultations.get("/api/audit/reads?patientId=" + patientId, auditor).body());
        assertThat(intakeReads.valueStream().filter(r -> r.get("readerClinics").asString().contains(chicago))
                .map(r -> r.get("view").asString())).contains("patient-search", "patient-demographics");
        JsonNode courseReads = EventJson.tree(treatment.get("/api/audit/reads?patientId=" + patientId, auditor).body());
        assertThat(courseReads.valueStream().filter(r -> r.get("readerId").asString().equals("nurse.chicago"))
                .map(r -> r.get("view").asString())).contains("patient-courses");
    }

    /**
     * The infusion treatment just stopped reaches billing on Kafka as a charge by Chicago's fee
     * schedule (a few seconds ran: an IV push, 96374, with the ketamine's NDC and milligrams); it is
     * invoiced, paid in part, and the balance and Chicago's aging show what is still owed.
     */
    private void billedAtChicagoInvoicedAndPartlyPaid(String patientId, String billing) {
        Api api = api("billing");
        JsonNode charge = await().atMost(Duration.ofSeconds(60)).until(() -> EventJson.tree(api.get("/api/patients/" + patientId
                + "/charges", billing).body()).valueStream().filter(c -> c.get("source").asString().equals("InfusionAdministered"))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(charge.get("kind").asString()).isEqualTo("iv-infusion");
        assertThat(charge.get("amount").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(charge.get("lines").valueStream().map(l -> l.get("code").asString())).containsExactly("96374", "J3490");
        assertThat(charge.at("/lines/1/mg").decimalValue()).isEqualByComparingTo("32.0");
        Api.Response draft = api.post("/api/patients/" + patientId + "/invoices",
                "{\"clinicId\": \"" + DemoChain.CHICAGO.id() + "\"}", billing);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String invoice = "/api/invoices/" + EventJson.tree(draft.body()).get("invoiceId").asString();
        assertThat(api.post(invoice + "/issue", "{}", billing).status()).isEqualTo(200);
        Api.Response paid = api.sendKeyed("POST", invoice + "/payments", "{\"amount\": 200.00, \"method\": \"card\"}", billing,
                UUID.randomUUID().toString());
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        JsonNode balance = EventJson.tree(api.get("/api/patients/" + patientId + "/balance", billing).body()).get(0);
        assertThat(balance.get("total").decimalValue()).isEqualByComparingTo("250.00");
        JsonNode aging = EventJson.tree(api.get("/api/clinics/" + DemoChain.CHICAGO.id() + "/ar-aging", billing).body()).get(0);
        assertThat(aging.get("days0to30").decimalValue()).isEqualByComparingTo("250.00");
        // The superbill names the patient as consultations keeps them, read with the biller's own token.
        Api.Response superbill = api.get(invoice + "/superbill", billing);
        assertThat(superbill.status()).as(superbill.body()).isEqualTo(200);
        JsonNode patient = EventJson.tree(superbill.body()).get("patient");
        assertThat(patient.get("familyName").asString() + ", " + patient.get("givenName").asString()).isEqualTo("Lopez, Ana");
        assertThat(patient.get("dateOfBirth").asString()).isEqualTo("1985-04-12");
        assertThat(patient.at("/address/line1").asString() + " " + patient.at("/address/postalCode").asString())
                .isEqualTo("12 Elm St 80203");
        assertThat(EventJson.tree(superbill.body()).at("/lines/1/ndc").asString()).as("11-digit NDC").matches("\\d{5}-\\d{4}-\\d{2}");
    }

    /**
     * What a newcomer does right after {@code run.sh}: the demo clinic's front desk finds the first
     * free infusion slots (its hours, chairs and nurses are seeded) and books the induction series
     * by the course plan, once scheduling holds the decision and the course from Kafka.
     */
    private void searchAndBookTheInductionAtDenver(String patientId, String courseId, String frontDesk) {
        ZoneId denver = ZoneId.of(DemoChain.DENVER.timeZone());
        LocalDate monday = LocalDate.now(denver).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String search = "/api/availability?patientId=" + patientId + "&type=iv-infusion&clinicId=" + DENVER + "&from=" + monday
                + "&to=" + monday + "&limit=3";
        JsonNode slots = await().atMost(Duration.ofSeconds(60)).until(() -> EventJson.tree(api("scheduling").get(search, frontDesk)
                .body()), found -> found.isArray() && found.size() == 3);
        assertThat(slots.valueStream().map(slot -> slot.get("localStart").asString()))
                .containsExactly(monday + "T08:00:00", monday + "T08:15:00", monday + "T08:30:00");
        assertThat(slots.get(0).get("zone").asString()).isEqualTo("America/Denver");
        List<String> starts = Stream.of(0, 2, 4, 7, 9, 11)
                .map(days -> "\"" + monday.plusDays(days).atTime(8, 0).atZone(denver).toInstant() + "\"").toList();
        Api.Response series = api("scheduling").post("/api/clinics/" + DENVER + "/appointment-series", """
                {"patientId": "%s", "type": "iv-infusion", "starts": [%s]}""".formatted(patientId, String.join(", ", starts)), frontDesk);
        assertThat(series.status()).as(series.body()).isEqualTo(201);
        assertThat(EventJson.tree(series.body()).valueStream().map(a -> a.get("courseId").asString())).hasSize(6).containsOnly(courseId);
    }

    /** Opened, PHQ-9 scored, alert raised, C-SSRS scored, alert resolved, history recorded, decided. */
    private static final long SCREENING_EVENTS_OF_THE_JOURNEY = 7;

    /**
     * The intake journey across services: consult outcome, PHQ-9 with item 9 raising an alert,
     * C-SSRS and follow-up, history, a signed decision, and EligibilityDecided on Kafka.
     */
    private void screenToASignedDecision(String consultationId, String patientId, String caseId, String prescriber,
            String nurse) {
        assertThat(api("consultations").post("/api/consultations/" + consultationId + "/outcome",
                "{\"outcome\": \"recommend-screening\"}", prescriber).status()).isEqualTo(200);
        Api screening = api("screening");
        String cases = "/api/screening-cases/" + caseId;
        Api.Response phq9 = screening.post(cases + "/instruments",
                "{\"instrument\": \"phq-9\", \"items\": [3, 3, 3, 2, 2, 2, 2, 1, 1]}", nurse);
        assertThat(phq9.status()).isEqualTo(201);
        String alertId = EventJson.tree(phq9.body()).get("openSafetyAlertId").asString();
        assertThat(screening.post(cases + "/instruments",
                "{\"instrument\": \"c-ssrs\", \"items\": [1, 0, null, null, null, 0]}", nurse).status()).isEqualTo(201);
        assertThat(screening.post(cases + "/safety-alerts/" + alertId + "/follow-up",
                "{\"safetyPlan\": \"crisis line, support person, means restriction\", \"disposition\": \"continue-screening\"}",
                nurse).status()).isEqualTo(200);
        assertThat(screening.put(cases + "/history", """
                {"conditions": [], "medications": [],
                 "vitals": {"systolic": 126, "diastolic": 80, "heartRate": 70, "spo2": 98, "weightKg": 64.0, "heightCm": 165,
                            "measuredAt": "2026-11-01T15:00:00Z"},
                 "pregnancy": "not-pregnant", "activeSubstanceUseDisorder": false,
                 "antidepressantTrials": [{"drug": "sertraline", "adequateDose": true, "weeks": 10, "response": "none"},
                                          {"drug": "bupropion", "adequateDose": true, "weeks": 8, "response": "partial"}]}""",
                nurse).status()).isEqualTo(200);
        // Dated in the clinic's zone: refused (unknown-clinic) until the clinic directory has reached screening.
        Api.Response signed = await().atMost(Duration.ofSeconds(60)).until(() -> screening.post(cases + "/eligibility/decision",
                "{\"modality\": \"iv-ketamine\", \"outcome\": \"eligible\"}", prescriber),
                r -> !(r.status() == 422 && r.body().contains("unknown-clinic")));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);

        String record = awaitRecord(ScreeningTopics.SCREENING_CASE, patientId, "\"EligibilityDecided\"");
        assertThat(GoldenFixtures.shape(record))
                .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(EligibilityDecided.class))));
        IntegrationEvent<EventPayload> event = EventJson.read(record);
        assertThat(event.actor().userId()).isEqualTo("prescriber.denver");
        assertThat(((EligibilityDecided) event.payload()).protocolVersion()).isEqualTo(1);
    }

    private JsonNode awaitCases(String patientId, String token) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> EventJson.tree(api("screening").get("/api/screening-cases?patientId=" + patientId, token).body()),
                cases -> cases.size() > 0);
    }

    /** The first record on the topic keyed by the patient whose value contains {@code marker}. */
    private static String awaitRecord(String topic, String patientId, String marker) {
        var probe = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", "localhost:" + PORTS.kafka(),
                "group.id", "probe-" + UUID.randomUUID(),
                "isolation.level", "read_committed",
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class));
        try (probe) {
            probe.subscribe(List.of(topic));
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                Optional<String> found = Optional.empty();
                for (ConsumerRecord<String, String> r : probe.poll(Duration.ofMillis(500))) {
                    if (patientId.equals(r.key()) && r.value().contains(marker) && found.isEmpty()) {
                        found = Optional.of(r.value());
                    }
                }
                return found;
            }, Optional::isPresent).orElseThrow();
        }
    }

    /** Reads the consultation's record as published and sends the very same bytes again. */
    private static void redeliverConsultationRecord(String patientId) throws Exception {
        String record = awaitRecord(ConsultationsTopics.CONSULTATION, patientId, "\"ConsultationRequested\"");
        try (var producer = new KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", "localhost:" + PORTS.kafka(),
                "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class))) {
            producer.send(new ProducerRecord<>(ConsultationsTopics.CONSULTATION, patientId, record)).get();
        }
    }

    /** Events stored in the screening case's own stream. */
    /** Each consumer group's records on the topics not yet taken in, for the groups behind. */
    private static Map<String, Long> consumerLag() throws Exception {
        Map<String, Long> behind = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "localhost:" + PORTS.kafka()))) {
            for (var group : admin.listConsumerGroups().all().get()) {
                if (group.groupId().startsWith("probe-")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long lag = committed.entrySet().stream().filter(entry -> entry.getValue() != null)
                        .mapToLong(entry -> Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset())).sum();
                if (lag > 0) {
                    behind.put(group.groupId(), lag);
                }
            }
        }
        return behind;
    }

    private static long screeningEvents(LocalPlatform platform, String caseId) {
        return platform.service("screening").getBean(JdbcClient.class)
                .sql("select count(*) from domain_event_entry where aggregate_identifier = ?").param(caseId)
                .query(Long.class).single();
    }

    private static double count(MeterRegistry meters) {
        var counter = meters.find("carecourse.inbound.events").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Api api(String service) {
        return Api.onPort(PORTS.service(service));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
