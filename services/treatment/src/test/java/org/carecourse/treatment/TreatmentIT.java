package org.carecourse.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Revision;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.FieldLimits;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.contracts.scheduling.AppointmentCompleted;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.screening.SafetyAlertRaised;
import org.carecourse.contracts.screening.ScreeningTopics;
import org.carecourse.contracts.treatment.DoseHeld;
import org.carecourse.contracts.treatment.InfusionAdministered;
import org.carecourse.contracts.treatment.OutcomeRecorded;
import org.carecourse.contracts.treatment.RemsPatientEnrolled;
import org.carecourse.contracts.treatment.SessionCompleted;
import org.carecourse.contracts.treatment.SessionEntryAmended;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.contracts.treatment.TreatmentTopics;
import org.carecourse.servicekit.audit.chain.HashChain;
import org.carecourse.servicekit.audit.chain.StoredEvents;
import org.carecourse.servicekit.testing.PlatformWiring;
import org.carecourse.servicekit.testing.RunnableServiceContract;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.Concurrent;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.testkit.TestTokens;
import org.carecourse.testkit.TopicProbe;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.RecordExternalFactCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A course from eligibility through sessions at two clinics, its audit replay and its tamper evidence. */
@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + TreatmentApplication.NAME)
@Import(TreatmentIT.Clocks.class)
class TreatmentIT extends RunnableServiceContract {

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway gateway;

    Api api;
    UUID denver;
    UUID boulder;
    UUID patient;
    String prescriber;
    String nurseDenver;
    String nurseBoulder;
    String auditor;

    @BeforeEach
    void setUp() {
        api = Api.onPort(port);
        denver = UUID.randomUUID();
        boulder = UUID.randomUUID();
        patient = UUID.randomUUID();
        prescriber = TestTokens.staff("prescriber.denver", "prescriber", Set.of(denver));
        nurseDenver = TestTokens.staff("nurse.denver", "nurse", Set.of(denver));
        nurseBoulder = TestTokens.staff("nurse.boulder", "nurse", Set.of(boulder));
        auditor = TestTokens.staff("auditor", "auditor", Set.of());
        String admin = TestTokens.staff("admin", "admin", Set.of(denver));
        announce(denver, "America/Denver");
        announce(boulder, "America/Denver");
        Api.Response published = api.post("/api/clinics/" + denver + "/treatment-protocols",
                "{\"protocol\": " + JsonMapper.builder().build().writeValueAsString(TreatmentProtocol.defaults()) + "}", admin);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
    }

    /** The protocol's numbers are named in their groups and bounded; a refusal names the number and publishes nothing. */
    @Test
    void anImplausibleOrIncompleteProtocolIsRefusedNamingTheNumberAndNothingIsPublished() {
        String admin = TestTokens.staff("admin", "admin", Set.of(denver));
        String path = "/api/clinics/" + denver + "/treatment-protocols";
        String before = api.get(path, admin).body();
        String defaults = JsonMapper.builder().build().writeValueAsString(TreatmentProtocol.defaults());
        assertThat(defaults).contains("\"capMg\":100.0", "\"mgPerKg\":0.5", "\"adverseEvents\":{\"reportingDays\":14}");

        Api.Response capTooHigh = api.post(path, "{\"protocol\": " + defaults.replace("\"capMg\":100.0", "\"capMg\":1000.0") + "}",
                admin);
        assertThat(capTooHigh.status()).isEqualTo(400);
        assertThat(capTooHigh.body()).contains("protocol.dosing.capMg");
        Api.Response doseBelowItsRange = api.post(path, "{\"protocol\": " + defaults.replace("\"mgPerKg\":0.5", "\"mgPerKg\":0.2")
                + "}", admin);
        assertThat(doseBelowItsRange.status()).isEqualTo(400);
        assertThat(doseBelowItsRange.body()).contains("protocol.dosing.rangeConsistent");
        Api.Response noAdverseEventRules = api.post(path, "{\"protocol\": "
                + defaults.replace(",\"adverseEvents\":{\"reportingDays\":14}", "") + "}", admin);
        assertThat(noAdverseEventRules.status()).isEqualTo(400);
        assertThat(noAdverseEventRules.body()).contains("protocol.adverseEvents");
        assertThat(api.get(path, admin).body()).as("nothing published").isEqualTo(before);
    }

    @Test
    void eligibilityToACourseWithSessionsAtTwoClinicsReplayedAsOfAnyInstant() {
        String courseId = openCourse();
        String course = "/api/courses/" + courseId;

        infuse(courseId, denver, nurseDenver, "nurse.boulder");
        Instant betweenSessions = Instant.now();
        clock.advance(Duration.ofHours(25));

        assertThat(api.post(course + "/transfer", "{\"toClinicId\": \"" + boulder + "\", \"reason\": \"moved to Boulder\"}",
                prescriber).status()).isEqualTo(200);
        infuse(courseId, boulder, nurseBoulder, "nurse.denver");

        JsonNode timeline = EventJson.tree(api.get(course + "/timeline?purpose=quality%20review", auditor).body());
        assertThat(timeline.valueStream().filter(e -> e.get("type").asString().equals("InfusionAdministered")).count()).isEqualTo(2);
        assertThat(timeline.valueStream().map(e -> e.get("actorId").asString()))
                .contains("prescriber.denver", "nurse.denver", "nurse.boulder");
        assertThat(timeline.valueStream().map(e -> e.get("clinicId").asString())).contains(denver.toString(), boulder.toString());

        JsonNode then = EventJson.tree(api.get(course + "?purpose=audit&asOf=" + betweenSessions, auditor).body());
        assertThat(then.get("sessions").size()).isEqualTo(1);
        assertThat(then.get("clinicId").asString()).isEqualTo(denver.toString());
        JsonNode now = EventJson.tree(api.get(course + "?purpose=audit", auditor).body());
        assertThat(now.get("sessions").size()).isEqualTo(2);
        assertThat(now.get("clinicId").asString()).isEqualTo(boulder.toString());

        // Clinicians of both clinics read it; a clinic it never was at does not; a read needs a purpose.
        assertThat(api.get(course + "?purpose=follow-up", nurseDenver).status()).isEqualTo(200);
        assertThat(api.get(course + "?purpose=follow-up", TestTokens.staff("nurse.chicago", "nurse", Set.of(UUID.randomUUID())))
                .status()).isEqualTo(403);
        Api.Response noPurpose = api.get(course, nurseBoulder);
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.body()).contains("\"field\":\"purpose\"");
        JsonNode reads = EventJson.tree(api.get("/api/audit/reads?subjectId=" + courseId, auditor).body());
        assertThat(reads.valueStream().map(r -> r.get("purpose").asString())).contains("quality review", "audit", "follow-up");
        assertThat(reads.valueStream().map(r -> r.get("patientId").asString())).containsOnly(patient.toString());
        assertThat(api.get("/api/audit/reads?subjectId=" + courseId, nurseDenver).status()).isEqualTo(403);
        // A clinic admin sees the reads of their clinics' data only.
        assertThat(EventJson.tree(api.get("/api/audit/reads?subjectId=" + courseId,
                TestTokens.staff("admin.chicago", "admin", Set.of(UUID.randomUUID()))).body()).size()).isZero();
        assertThat(EventJson.tree(api.get("/api/audit/reads?subjectId=" + courseId,
                TestTokens.staff("admin.boulder", "admin", Set.of(boulder))).body()).size()).isPositive();
    }

    @Test
    void theCoursesEventsArePublishedKeyedByPatientInTheFixturesShapes() {
        try (TopicProbe courseTopic = new TopicProbe(TreatmentTopics.COURSE)) {
            String courseId = openCourse();
            infuse(courseId, denver, nurseDenver, "nurse.boulder");
            for (Class<?> type : List.of(TreatmentCourseOpened.class, SessionStarted.class, DoseHeld.class,
                    InfusionAdministered.class, SessionCompleted.class)) {
                String name = EventTypes.of(type).name();
                TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(() -> courseTopic.poll().stream()
                        .filter(r -> patient.toString().equals(r.key()) && r.value().contains("\"type\":\"" + name + "\""))
                        .findFirst(), Optional::isPresent).orElseThrow();
                assertThat(GoldenFixtures.shape(record.value())).as(name)
                        .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(type))));
            }
        }
    }

    @Test
    void aLongCourseIsSnapshottedAndLoadsWithItsStateIntact() {
        String courseId = openCourse();
        UUID course = UUID.fromString(courseId);
        infuse(courseId, denver, nurseDenver, "nurse.boulder");
        clock.advance(Duration.ofHours(25));
        String held = startSession(courseId, denver, nurseDenver);
        clock.advance(Duration.ofMinutes(10));
        assertThat(api.post(held + "/vitals", "{\"systolic\": 150, \"diastolic\": 90, \"heartRate\": 80, \"spo2\": 91}", nurseDenver)
                .body()).contains("SpO2 91 below 92");
        UUID firstFact = UUID.randomUUID();
        for (int i = 0; i < 120; i++) {
            gateway.sendAndWait(new RecordExternalFactCommand(course, "scheduling", i == 0 ? firstFact : UUID.randomUUID(),
                    "AppointmentBooked", Map.of("slot", String.valueOf(i)), clock.instant()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?").param(courseId).query(Long.class).single() > 0);
        long events = PlatformWiring.storedEvents(context, courseId);
        String snapshot = jdbc.sql("select convert_from(payload, 'UTF8') from snapshot_event_entry where aggregate_identifier = ?")
                .param(courseId).query(String.class).list().get(0);
        assertThat(snapshot).as("the snapshot holds the course's state, not an empty shell")
                .contains(firstFact.toString(), "\"protocol\"", "\"phase\"", "\"infusions\"", "\"HELD\"");
        assertThat(jdbc.sql("select payload_revision from snapshot_event_entry where aggregate_identifier = ?").param(courseId)
                .query(String.class).list()).as("a revision the snapshot filter accepts").containsOnly("9");

        // Loaded from the snapshot: the course still remembers the first fact and adds it no second time, and its
        // session entities their state: the held infusion resumes, the completed one takes no second discharge.
        gateway.sendAndWait(new RecordExternalFactCommand(course, "scheduling", firstFact, "AppointmentBooked",
                Map.of("slot", "0"), clock.instant()));
        assertThat(PlatformWiring.storedEvents(context, courseId)).isEqualTo(events);
        clock.advance(Duration.ofMinutes(5));
        Api.Response resumed = api.post(held + "/resume", """
                {"reading": {"systolic": 140, "diastolic": 88, "heartRate": 78, "spo2": 96}, "decision": "SpO2 96 on 2 L O2"}""",
                nurseDenver);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(api.post(held + "/resume", """
                {"reading": {"systolic": 140, "diastolic": 88, "heartRate": 78, "spo2": 96}, "decision": "again"}""",
                nurseDenver).status()).isEqualTo(409);
        Api.Response outcome = api.post("/api/courses/" + courseId + "/outcomes", phq9(9, 0), nurseDenver);
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
        assertThat(EventJson.tree(outcome.body()).get("response").asBoolean()).isTrue();
        assertThat(EventJson.tree(api.get("/api/audit/courses/" + courseId + "/verification", auditor).body())
                .get("intact").asBoolean()).isTrue();
    }

    /**
     * A course in use is served from the cache only while it is the stored stream's state: an
     * append this instance did not make (another instance's, or a surrounding transaction's that
     * this one rolled back) makes the cached copy stale, and it is loaded from the store again.
     */
    @Test
    void aCachedCourseThatNoLongerMatchesTheStoreIsLoadedFromTheStoreAgain() {
        String courseId = openCourse();
        UUID course = UUID.fromString(courseId);
        assertThat(api.post("/api/courses/" + courseId + "/outcomes", phq9(12, 0), nurseDenver).status()).isEqualTo(200);
        long sequence = jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?").param(courseId)
                .query(Long.class).single();
        UUID appendedElsewhere = UUID.randomUUID();
        context.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(status -> context
                .getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).publish(
                        new org.axonframework.eventhandling.GenericDomainEventMessage<>("TreatmentCourse", courseId, sequence + 1,
                                new org.carecourse.treatment.course.api.ExternalFactRecordedEvent(course, patient, "scheduling",
                                        appendedElsewhere, "AppointmentBooked", Map.of("slot", "elsewhere"), clock.instant()))));
        long events = PlatformWiring.storedEvents(context, courseId);

        gateway.sendAndWait(new RecordExternalFactCommand(course, "scheduling", appendedElsewhere, "AppointmentBooked",
                Map.of("slot", "elsewhere"), clock.instant()));
        assertThat(PlatformWiring.storedEvents(context, courseId)).as("loaded again, the course knows the fact appended elsewhere")
                .isEqualTo(events);
        Api.Response next = api.post("/api/courses/" + courseId + "/outcomes", phq9(10, 0), nurseDenver);
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(PlatformWiring.storedEvents(context, courseId)).isGreaterThan(events);
    }

    @Test
    void theAuditReplayOfACourseOfHundredsOfEventsReadsEveryEventPastItsSnapshots() {
        String courseId = openCourse();
        UUID course = UUID.fromString(courseId);
        List<Instant> instants = new java.util.ArrayList<>();
        for (int i = 0; i < 320; i++) {
            gateway.sendAndWait(new RecordExternalFactCommand(course, "scheduling", UUID.randomUUID(),
                    "AppointmentBooked", Map.of("slot", String.valueOf(i)), clock.instant()));
            if (i == 40 || i == 170 || i == 300) {
                instants.add(Instant.now());
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "select coalesce(max(sequence_number), -1) from snapshot_event_entry where aggregate_identifier = ?")
                .param(courseId).query(Long.class).single()).as("the latest snapshot").isGreaterThanOrEqualTo(200));
        long stored = PlatformWiring.storedEvents(context, courseId);
        assertThat(stored).isGreaterThan(320);

        JsonNode timeline = EventJson.tree(api.get("/api/courses/" + courseId + "/timeline?purpose=audit", auditor).body());
        assertThat(timeline.size()).as("every stored event, not the tail after the snapshot").isEqualTo((int) stored);
        assertThat(timeline.valueStream().map(e -> e.get("sequence").asLong()).toList())
                .isEqualTo(java.util.stream.LongStream.range(0, stored).boxed().toList());
        assertThat(timeline.get(0).get("type").asString()).isEqualTo("CourseOpened");
        assertThat(timeline.valueStream().map(e -> e.get("type").asString())).doesNotContain("TreatmentCourse");

        for (Instant instant : instants) {
            // The expected fold, counted straight from the store: events stamped up to the instant.
            List<String> typesUpTo = jdbc.sql("select time_stamp, payload_type from domain_event_entry where aggregate_identifier = ?")
                    .param(courseId).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                    .filter(row -> !Instant.parse(row.getKey()).isAfter(instant)).map(Map.Entry::getValue).toList();
            JsonNode asOf = EventJson.tree(api.get("/api/courses/" + courseId + "?purpose=audit&asOf=" + instant, auditor).body());
            assertThat(asOf.get("eventsApplied").asInt()).as("as of " + instant).isEqualTo(typesUpTo.size());
            assertThat(asOf.get("externalFacts").size()).as("as of " + instant)
                    .isEqualTo(typesUpTo.stream().filter(type -> type.endsWith("ExternalFactRecordedEvent")).count());
            assertThat(asOf.get("phase").asString()).isEqualTo("induction");
        }
    }

    @Test
    void anEventThatBreaksItsContractIsParkedWhileLaterEventsStillFlow() {
        try (TopicProbe courseTopic = new TopicProbe(TreatmentTopics.COURSE)) {
            String courseId = openCourse();
            String course = "/api/courses/" + courseId;
            String sessionPath = startSession(courseId, denver, nurseDenver);
            UUID session = UUID.fromString(sessionPath.substring(sessionPath.lastIndexOf('/') + 1));
            long parkedBefore = ledgerRows("outbound_parked");

            // Past every REST bound, as a bug in a command path could let it through: 70,000 characters.
            gateway.sendAndWait(new org.carecourse.treatment.course.api.ReportAdverseEventCommand(UUID.fromString(courseId), session,
                    "nausea", org.carecourse.treatment.course.api.AdverseEventSeverity.MILD, false, "x".repeat(70_000),
                    clock.instant(), clock.instant()));
            assertThat(api.post(course + "/outcomes", phq9(12, 0), nurseDenver).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> courseTopic.poll().stream()
                    .anyMatch(r -> patient.toString().equals(r.key()) && r.value().contains("\"type\":\"OutcomeRecorded\"")));
            assertThat(ledgerRows("outbound_parked")).isEqualTo(parkedBefore + 1);
            JsonNode parked = EventJson.tree(api.get("/api/admin/outbound/parked", ADMIN).body());
            JsonNode adverse = parked.valueStream().filter(p -> p.get("eventType").asString().equals("AdverseEventReported"))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(adverse.get("reason").asString()).contains("breaks its contract", "action");
            assertThat(context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .counter("carecourse.outbound.parked", "topic", TreatmentTopics.COURSE, "type", "AdverseEventReported").count())
                    .isPositive();
            Api.Response republish = api.post("/api/admin/outbound/parked/" + adverse.get("eventId").asString() + "/republish", "{}", ADMIN);
            assertThat(republish.status()).isEqualTo(409);
            assertThat(EventJson.tree(republish.body()).get("rule").asString()).isEqualTo("no-publishable-form");
            JsonNode report = EventJson.tree(api.get("/api/admin/outbound/reconciliation", ADMIN).body());
            assertThat(report.get("missing").asLong()).as(report.toString()).isZero();

            // An event parked while the budget was smaller, re-published once the cause is fixed.
            UUID eventId = UUID.randomUUID();
            String bytes = fixture(org.carecourse.contracts.treatment.OutcomeRecorded.class)
                    .replace("feed0006-0000-4000-8000-000000000006", eventId.toString());
            jdbc.sql("""
                            insert into outbound_parked (event_id, event_type, topic, partition_key, payload, payload_bytes, reason)
                            values (?, 'OutcomeRecorded', ?, ?, ?, ?, 'over the size budget: 900 bytes, budget 512')""")
                    .params(eventId, TreatmentTopics.COURSE, patient.toString(), bytes.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            bytes.length())
                    .update();
            Api.Response republished = api.post("/api/admin/outbound/parked/" + eventId + "/republish", "{}", ADMIN);
            assertThat(republished.status()).as(republished.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> courseTopic.poll().stream()
                    .anyMatch(r -> r.value().contains(eventId.toString())));
            assertThat(api.post("/api/admin/outbound/parked/" + eventId + "/republish", "{}", ADMIN).status()).isEqualTo(409);
            assertThat(jdbc.sql("select republished_by from outbound_parked where event_id = ?").param(eventId)
                    .query(String.class).single()).isEqualTo("admin");
        }
    }

    /** The kit's dispatch reads the header itself: no controller passes it, and none can drop it. */
    @Test
    void aCallersCorrelationIdIsCarriedIntoTheEventsItCausesAndAMalformedOneChangesNothing() {
        String courseId = openCourse();
        String outcomes = "/api/courses/" + courseId + "/outcomes";
        String outcomeType = EventTypes.of(OutcomeRecorded.class).name();
        try (TopicProbe courseTopic = new TopicProbe(TreatmentTopics.COURSE)) {
            String correlation = "chair-4-tablet-" + UUID.randomUUID();
            assertThat(api.send("POST", outcomes, phq9(11, 0), nurseDenver, Map.of("X-Correlation-Id", correlation)).status())
                    .isEqualTo(200);
            TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(() -> courseTopic.poll().stream()
                    .filter(r -> r.value().contains("\"type\":\"" + outcomeType + "\"") && r.value().contains(correlation))
                    .findFirst(), Optional::isPresent).orElseThrow();
            assertThat(EventJson.read(record.value()).correlationId()).isEqualTo(correlation);
        }
        long before = PlatformWiring.storedEvents(context, courseId);
        Api.Response refused = api.send("POST", outcomes, phq9(11, 0), nurseDenver,
                Map.of("X-Correlation-Id", "x".repeat(FieldLimits.CORRELATION_ID + 1)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("X-Correlation-Id");
        assertThat(PlatformWiring.storedEvents(context, courseId)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void sixtyFourNursesRecordingOutcomesOnOneCourseAtOnceAreAllRecordedWithOrWithoutKeys() throws Exception {
        String courseId = openCourse();
        String outcomes = "/api/courses/" + courseId + "/outcomes";
        long before = PlatformWiring.storedEvents(context, courseId);
        double poolTimeouts = PlatformWiring.connectionTimeouts(context);

        List<Api.Response> keyed = Concurrent.run(64,
                () -> api.sendKeyed("POST", outcomes, phq9(11, 0), nurseDenver, UUID.randomUUID().toString()));
        assertThat(keyed).extracting(Api.Response::status).as("keyed").containsOnly(200);
        List<Api.Response> unkeyed = Concurrent.run(64,
                () -> api.post(outcomes, phq9(12, 0), nurseDenver));
        assertThat(unkeyed).extracting(Api.Response::status).as("without keys").containsOnly(200);
        assertThat(PlatformWiring.connectionTimeouts(context)).as("requests that waited out the pool").isEqualTo(poolTimeouts);

        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?")
                .params(courseId, "%OutcomeRecordedEvent").query(Long.class).single()).isEqualTo(128);
        assertThat(PlatformWiring.storedEvents(context, courseId) - before).isGreaterThanOrEqualTo(128);
        assertThat(EventJson.tree(api.get("/api/audit/courses/" + courseId + "/verification", auditor).body())
                .get("intact").asBoolean()).as("the hash chain under concurrency").isTrue();
    }

    @Test
    void anOlderEligibilityDecisionArrivingLateNeverReplacesANewerOne() {
        UUID newer = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        String decided = fixture(EligibilityDecided.class);
        TopicProbe.send(ScreeningTopics.SCREENING_CASE, patient.toString(), decided
                .replace("91a2b3c4-d5e6-4f7a-8b8c-9d0e1f2a3b4c", UUID.randomUUID().toString())
                .replace("a2b3c4d5-e6f7-4a8b-9c9d-0e1f2a3b4c5d", newer.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from eligibility_decision where decision_id = ?")
                .param(newer).query(Long.class).single() == 1);

        // A decision from a day earlier, e.g. replayed from the dead-letter topic after a fix.
        double appliedBefore = applied();
        TopicProbe.send(ScreeningTopics.SCREENING_CASE, patient.toString(), decided
                .replace("91a2b3c4-d5e6-4f7a-8b8c-9d0e1f2a3b4c", UUID.randomUUID().toString())
                .replace("a2b3c4d5-e6f7-4a8b-9c9d-0e1f2a3b4c5d", older.toString())
                .replace("2026-11-04T16:20:00Z", "2026-11-03T16:20:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied() > appliedBefore);
        assertThat(jdbc.sql("select decision_id from eligibility_decision where patient_id = ?").param(patient)
                .query(UUID.class).single()).isEqualTo(newer);
    }

    private double applied() {
        var counter = context.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("carecourse.inbound.events")
                .tag("consumer", "treatment-screening").tag("outcome", "applied").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void tamperingWithAStoredEventIsDetectedAtItsPosition() {
        String courseId = openCourse();
        infuse(courseId, denver, nurseDenver, "nurse.boulder");
        String verification = "/api/audit/courses/" + courseId + "/verification";
        assertThat(EventJson.tree(api.get(verification, auditor).body()).get("intact").asBoolean()).isTrue();

        byte[] original = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 2")
                .param(courseId).query(byte[].class).single();
        byte[] edited = original.clone();
        edited[edited.length / 2] ^= 1;
        storePayload(courseId, 2, edited);
        JsonNode broken = EventJson.tree(api.get(verification, auditor).body());
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBadPosition").asInt()).isEqualTo(2);

        storePayload(courseId, 2, original);
        assertThat(EventJson.tree(api.get(verification, auditor).body()).get("intact").asBoolean()).isTrue();

        owner().sql("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 4").param(courseId).update();
        JsonNode deleted = EventJson.tree(api.get(verification, auditor).body());
        assertThat(deleted.get("intact").asBoolean()).isFalse();
        assertThat(deleted.get("firstBadPosition").asInt()).isEqualTo(4);
        assertThat(EventJson.tree(api.get("/api/audit/verification", auditor).body()).get(0).get("intact").asBoolean()).isFalse();

        // A clinic admin audits the courses of their clinics, and no others.
        String adminDenver = TestTokens.staff("admin.denver", "admin", Set.of(denver));
        String adminElsewhere = TestTokens.staff("admin.chicago", "admin", Set.of(UUID.randomUUID()));
        assertThat(api.get(verification, adminDenver).status()).isEqualTo(200);
        assertThat(api.get(verification, adminElsewhere).status()).isEqualTo(403);
        assertThat(EventJson.tree(api.get("/api/audit/verification", adminDenver).body()).valueStream()
                .map(v -> v.get("streamId").asString())).contains(courseId);
        assertThat(EventJson.tree(api.get("/api/audit/verification", adminElsewhere).body()).size()).isZero();
    }

    @Test
    void aPhq9ItemNineDuringTheCourseRaisesAnAlertInTheClinicsQueueThatHoldsTheCourseUntilAPrescriberFollowsUp() {
        try (TopicProbe courseTopic = new TopicProbe(TreatmentTopics.COURSE)) {
            String courseId = openCourse();
            String course = "/api/courses/" + courseId;
            Api.Response outcome = api.post(course + "/outcomes", phq9(12, 1), nurseDenver);
            assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
            assertThat(EventJson.tree(outcome.body()).get("items").get(8).asInt()).isEqualTo(1);

            JsonNode queue = EventJson.tree(api.get("/api/clinics/" + denver + "/safety-alerts", nurseDenver).body());
            JsonNode alert = queue.valueStream().filter(a -> a.get("courseId").asString().equals(courseId)).findFirst().orElseThrow();
            assertThat(alert.get("trigger").asString()).isEqualTo("phq-9-item-9");
            String alertId = alert.get("alertId").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> courseTopic.poll().stream()
                    .anyMatch(r -> r.value().contains("\"type\":\"CourseSafetyAlertRaised\"") && r.value().contains(alertId)));

            Api.Response held = api.post(course + "/sessions", startBody(denver), nurseDenver);
            assertThat(held.status()).as(held.body()).isEqualTo(409);
            assertThat(EventJson.tree(held.body()).get("rule").asString()).isEqualTo("course-on-hold");
            String followUp = course + "/safety-alerts/" + alertId + "/follow-up";
            String plan = "{\"safetyPlan\": \"C-SSRS screen negative; crisis line given; reviewed with patient\", "
                    + "\"disposition\": \"continue-treatment\"}";
            assertThat(api.post(followUp, plan, nurseDenver).status()).as("a nurse cannot clear it").isEqualTo(403);
            assertThat(api.post(followUp, plan, prescriber).status()).isEqualTo(200);
            assertThat(api.post(followUp, plan, prescriber).status()).as("cleared once").isEqualTo(409);
            assertThat(EventJson.tree(api.get("/api/clinics/" + denver + "/safety-alerts", nurseDenver).body()).valueStream()
                    .noneMatch(a -> a.get("alertId").asString().equals(alertId))).isTrue();
            assertThat(api.post(course + "/sessions", startBody(denver), nurseDenver).status()).isEqualTo(201);
            assertThat(api.get("/api/clinics/" + denver + "/safety-alerts", nurseBoulder).status()).isEqualTo(403);
        }
    }

    @Test
    void sixtyFourPrescribersClearingOneAlertAndLiftingOneHoldAtOnceLeaveOneEffectEach() throws Exception {
        String courseId = openCourse();
        String course = "/api/courses/" + courseId;
        assertThat(api.post(course + "/outcomes", phq9(12, 2), nurseDenver).status()).isEqualTo(200);
        String alertId = EventJson.tree(api.get("/api/clinics/" + denver + "/safety-alerts", nurseDenver).body()).valueStream()
                .filter(a -> a.get("courseId").asString().equals(courseId)).findFirst().orElseThrow().get("alertId").asString();
        List<Api.Response> followUps = Concurrent.run(64, () -> api.post(course + "/safety-alerts/" + alertId
                + "/follow-up", "{\"safetyPlan\": \"reviewed\", \"disposition\": \"continue-treatment\"}", prescriber));
        assertThat(followUps).extracting(Api.Response::status).containsOnly(200, 409);
        assertThat(followUps.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);

        TopicProbe.send(ScreeningTopics.SCREENING_CASE, patient.toString(), fixture(EligibilityDecided.class)
                .replace("91a2b3c4-d5e6-4f7a-8b8c-9d0e1f2a3b4c", UUID.randomUUID().toString())
                .replace("a2b3c4d5-e6f7-4a8b-9c9d-0e1f2a3b4c5d", UUID.randomUUID().toString())
                .replace("\"outcome\" : \"eligible\"", "\"outcome\" : \"needs-review\"")
                .replace("2026-11-04T16:20:00Z", clock.instant().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get(course + "?purpose=check", prescriber).body())
                .path("hold").asString("").equals("eligibility-needs-review"));
        List<Api.Response> lifts = Concurrent.run(64,
                () -> api.post(course + "/hold/lift", "{\"reason\": \"reviewed: relative caution accepted\"}", prescriber));
        assertThat(lifts).extracting(Api.Response::status).containsOnly(200, 409);
        assertThat(lifts.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?")
                .params(courseId, "%CourseHoldLiftedEvent").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSpravatoSessionRunsOverHttpWithItsOwnStepsClockedAgainstTheDoseAndOwesItsRemsForm() {
        String course = "/api/courses/" + openCourse("spravato");
        Instant dosed = clock.instant();
        String firstDose = """
                {"clinicId": "%s", "doseMg": 56, "preDoseVitals": {"systolic": 146, "diastolic": 88, "heartRate": 76, "spo2": 98}}"""
                .formatted(denver);
        assertThat(EventJson.tree(api.post(course + "/spravato-sessions", firstDose, nurseDenver).body()).get("rule").asString())
                .isEqualTo("rems-enrolment-required");
        String enrolment = "{\"enrolmentId\": \"REMS-0042\", \"enrolledOn\": \"" + LocalDate.ofInstant(dosed, ZoneId.of("America/Denver")) + "\"}";
        assertThat(api.post(course + "/rems-enrolment", enrolment, nurseDenver).status()).as("prescribers enrol").isEqualTo(403);
        try (TopicProbe topic = new TopicProbe(TreatmentTopics.COURSE)) {
            Api.Response enrolled = api.post(course + "/rems-enrolment", enrolment, prescriber);
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
            TopicProbe.Record record = await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream()
                    .filter(r -> r.value().contains("\"RemsPatientEnrolled\"") && r.value().contains(course.substring(13))).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            assertThat(GoldenFixtures.shape(record.value())).isEqualTo(GoldenFixtures.shape(fixture(RemsPatientEnrolled.class)));
            assertThat(record.value()).doesNotContain("REMS-0042");
        }
        Api.Response refused = api.post(course + "/spravato-sessions", firstDose, nurseDenver);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(EventJson.tree(refused.body()).get("rule").asString()).isEqualTo("spravato-bp-delay");
        String overridden = """
                {"clinicId": "%s", "doseMg": 56, "preDoseVitals": {"systolic": 146, "diastolic": 88, "heartRate": 76, "spo2": 98},
                 "overrides": {"spravato-bp-delay": "usual BP on treatment; cardiology letter on file"}}""".formatted(denver);
        assertThat(api.post(course + "/spravato-sessions", overridden, nurseDenver).status()).as("prescribers override").isEqualTo(403);
        Api.Response started = api.post(course + "/spravato-sessions", overridden, prescriber);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String session = course + "/spravato-sessions/" + EventJson.tree(started.body()).get("sessionId").asString();
        assertThat(api.post(course + "/sessions/" + EventJson.tree(started.body()).get("sessionId").asString() + "/stop",
                "{\"mgGiven\": 56, \"reason\": \"completed\"}", nurseDenver).status()).as("no infusion step").isEqualTo(409);

        clock.advance(Duration.ofMinutes(41));
        Instant fortyMinutes = dosed.plus(Duration.ofMinutes(40));
        assertThat(api.post(session + "/vitals", """
                {"systolic": 150, "diastolic": 92, "heartRate": 80, "spo2": 97, "takenAt": "%s"}""".formatted(fortyMinutes), nurseDenver)
                .status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(78));
        String complete = """
                {"fortyMinuteVitals": {"systolic": 150, "diastolic": 92, "heartRate": 80, "spo2": 97, "takenAt": "%s"},
                 "dischargeVitals": {"systolic": 132, "diastolic": 84, "heartRate": 74, "spo2": 98},
                 "sedationResolved": true, "dissociationResolved": true, "respiratoryStable": true}""";
        Api.Response early = api.post(session + "/complete", complete.formatted(fortyMinutes), nurseDenver);
        assertThat(early.status()).as("2 h observation").isEqualTo(422);
        clock.advance(Duration.ofMinutes(2));
        Api.Response misplaced = api.post(session + "/complete", complete.formatted(dosed.plus(Duration.ofMinutes(90))), nurseDenver);
        assertThat(misplaced.body()).as("the post-dose BP belongs ~40 min after the dose").contains("post-dose BP");
        assertThat(api.post(session + "/complete", complete.formatted(fortyMinutes), nurseDenver).status()).isEqualTo(200);
        assertThat(api.post(session + "/abort", "{\"reason\": \"patient-left\"}", nurseDenver).status()).as("ended").isEqualTo(409);
        assertThat(api.post(session + "/rems-form", "{\"confirmation\": \"REMS-2026-0042\"}", nurseDenver).status()).isEqualTo(200);

        JsonNode timeline = EventJson.tree(api.get(course + "/timeline?purpose=audit", auditor).body());
        JsonNode start = timeline.valueStream().filter(e -> e.get("type").asString().equals("SpravatoSessionStarted"))
                .findFirst().orElseThrow();
        assertThat(start.at("/change/overrides/0/rule").asString()).isEqualTo("spravato-bp-delay");
        assertThat(start.at("/change/overrides/0/by").asString()).isEqualTo("prescriber.denver");
        assertThat(start.at("/change/overrides/0/reason").asString()).contains("cardiology letter");
    }

    @Test
    void aLaterIneligibleDecisionFromScreeningHoldsTheCourseUntilAPrescriberRecordsWhyItContinues() {
        String courseId = openCourse();
        String course = "/api/courses/" + courseId;
        UUID eventId = UUID.randomUUID();
        TopicProbe.send(ScreeningTopics.SCREENING_CASE, patient.toString(), fixture(EligibilityDecided.class)
                .replace("91a2b3c4-d5e6-4f7a-8b8c-9d0e1f2a3b4c", eventId.toString())
                .replace("a2b3c4d5-e6f7-4a8b-9c9d-0e1f2a3b4c5d", UUID.randomUUID().toString())
                .replace("\"outcome\" : \"eligible\"", "\"outcome\" : \"ineligible\"")
                .replace("2026-11-04T16:20:00Z", clock.instant().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> EventJson.tree(api.get(course + "?purpose=check", prescriber).body())
                .path("hold").asString("").equals("eligibility-ineligible"));
        Api.Response refused = api.post(course + "/sessions", startBody(denver), nurseDenver);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("eligibility-ineligible");
        assertThat(api.post(course + "/hold/lift", "{\"reason\": \"pregnancy test negative, decision based on a lab error\"}",
                nurseDenver).status()).isEqualTo(403);
        assertThat(api.post(course + "/hold/lift", "{\"reason\": \"pregnancy test negative, decision based on a lab error\"}",
                prescriber).status()).isEqualTo(200);
        assertThat(api.post(course + "/sessions", startBody(denver), nurseDenver).status()).isEqualTo(201);
        JsonNode timeline = EventJson.tree(api.get(course + "/timeline?purpose=check", auditor).body());
        assertThat(timeline.valueStream().filter(e -> e.get("type").asString().equals("CourseHoldLifted"))
                .map(e -> e.get("actorId").asString())).containsExactly("prescriber.denver");
    }

    @Test
    void aChainRecomputedAfterAnEditAWholeDeletedCourseAForgedCheckpointAndAnEditedSnapshotAreEachReported() {
        String recomputed = openCourse();
        infuse(recomputed, denver, nurseDenver, "nurse.boulder");
        String deleted = openCourse();
        String forged = openCourse();
        String snapshotted = openCourse();
        for (int i = 0; i < 105; i++) {
            gateway.sendAndWait(new RecordExternalFactCommand(UUID.fromString(snapshotted), "scheduling", UUID.randomUUID(),
                    "AppointmentBooked", Map.of("slot", String.valueOf(i)), clock.instant()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from snapshot_event_entry where aggregate_identifier = ?")
                .param(snapshotted).query(Long.class).single() > 0);
        assertThat(api.post("/api/audit/checkpoints", "{}", auditor).status()).isEqualTo(200);
        JdbcClient owner = owner();

        // An insider edits an event and recomputes every link after it: the chain verifies, the anchor does not.
        byte[] payload = owner.sql("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 2")
                .param(recomputed).query(byte[].class).single();
        payload[payload.length / 2] ^= 1;
        storePayload(recomputed, 2, payload);
        List<HashChain.StoredEvent> rows = new StoredEvents(owner).stream(recomputed);
        String previous = owner.sql("select link_hash from event_hash_chain where aggregate_identifier = ? and sequence_number = 1")
                .param(recomputed).query(String.class).single();
        for (HashChain.StoredEvent row : rows.subList(2, rows.size())) {
            previous = HashChain.link(previous, row);
            owner.sql("update event_hash_chain set link_hash = ? where aggregate_identifier = ? and sequence_number = ?")
                    .params(previous, recomputed, row.sequenceNumber()).update();
        }
        JsonNode rewritten = verification(recomputed);
        assertThat(rewritten.get("intact").asBoolean()).isFalse();
        assertThat(rewritten.get("problem").asString()).contains("chain recomputed");
        assertThat(rewritten.get("firstBadPosition").asInt()).isEqualTo(rows.size() - 1);

        // The whole course goes, events, links and read models: only the signed checkpoint remembers it.
        for (String table : List.of("event_hash_chain", "domain_event_entry")) {
            owner.sql("delete from " + table + " where aggregate_identifier = ?").param(deleted).update();
        }
        owner.sql("delete from course_clinic where course_id = ?::uuid").param(deleted).update();
        owner.sql("delete from treatment_course where course_id = ?::uuid").param(deleted).update();
        JsonNode all = EventJson.tree(api.get("/api/audit/verification", auditor).body());
        JsonNode gone = all.valueStream().filter(v -> v.get("streamId").asString().equals(deleted)).findFirst().orElseThrow();
        assertThat(gone.get("intact").asBoolean()).isFalse();
        assertThat(gone.get("problem").asString()).contains("stream deleted");

        // A snapshot is not chained: it is checked against the fold of the events it summarises.
        assertThat(verification(snapshotted).get("intact").asBoolean()).as("an honest snapshot agrees with its events").isTrue();
        owner.sql("update snapshot_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), '\"induction\"', "
                + "'\"maintenance\"'), 'UTF8') where aggregate_identifier = ?").param(snapshotted).update();
        JsonNode editedSnapshot = verification(snapshotted);
        assertThat(editedSnapshot.get("intact").asBoolean()).isFalse();
        assertThat(editedSnapshot.get("problem").asString()).contains("snapshot");

        // Rewriting the checkpoint to match needs the key, which the database does not hold.
        owner.sql("update chain_checkpoint_head set event_count = event_count + 1 where aggregate_identifier = ?").param(forged).update();
        assertThat(verification(forged).get("problem").asString()).contains("does not carry its signature");
        // Undone, so the checkpoint the other tests' courses may share verifies again.
        owner.sql("update chain_checkpoint_head set event_count = event_count - 1 where aggregate_identifier = ?").param(forged).update();
        assertThat(verification(forged).get("intact").asBoolean()).isTrue();
    }

    private JsonNode verification(String courseId) {
        return EventJson.tree(api.get("/api/audit/courses/" + courseId + "/verification", auditor).body());
    }

    @Test
    void aCorrectionCitesTheEntryItAmendsAndTheReplayShowsBothWhileTheCourseUsesTheCorrection() {
        TopicProbe courseTopic = new TopicProbe(TreatmentTopics.COURSE);
        String courseId = openCourse();
        infuse(courseId, denver, nurseDenver, "nurse.boulder");
        String course = "/api/courses/" + courseId;
        JsonNode timeline = EventJson.tree(api.get(course + "/timeline?purpose=correction", nurseDenver).body());
        JsonNode administered = timeline.valueStream().filter(e -> e.get("type").asString().equals("InfusionAdministered"))
                .findFirst().orElseThrow();
        String sessionId = administered.at("/change/sessionId").asString();
        Instant chartedStop = Instant.parse(administered.at("/change/stoppedAt").asString());
        Instant realStop = chartedStop.minus(Duration.ofMinutes(5));
        String amendments = course + "/sessions/" + sessionId + "/amendments";
        Api.Response amended = api.post(amendments, """
                {"amends": %d, "entry": "stop-time", "stoppedAt": "%s", "reason": "pump alarm stopped it; charted after the alarm"}"""
                .formatted(administered.get("sequence").asLong(), realStop), nurseDenver);
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        Api.Response wrongEntry = api.post(amendments, """
                {"amends": %d, "entry": "weight", "weightKg": 70, "reason": "typo"}""".formatted(administered.get("sequence").asLong()),
                nurseDenver);
        assertThat(wrongEntry.status()).isEqualTo(422);
        assertThat(EventJson.tree(wrongEntry.body()).get("rule").asString()).isEqualTo("amendment-entry");

        JsonNode replayed = EventJson.tree(api.get(course + "?purpose=audit", auditor).body());
        JsonNode session = replayed.at("/sessions/" + sessionId);
        assertThat(Instant.parse(session.get("stoppedAt").asString())).as("the state uses the correction").isEqualTo(realStop);
        assertThat(session.at("/amendments/0/reason").asString()).contains("pump alarm");
        assertThat(session.at("/amendments/0/amends").asLong()).isEqualTo(administered.get("sequence").asLong());
        JsonNode after = EventJson.tree(api.get(course + "/timeline?purpose=audit", auditor).body());
        assertThat(after.valueStream().map(e -> e.get("type").asString())).contains("InfusionAdministered", "EntryAmended");
        assertThat(after.valueStream().filter(e -> e.get("type").asString().equals("InfusionAdministered")).findFirst().orElseThrow()
                .at("/change/stoppedAt").asString()).as("the original stays").isEqualTo(chartedStop.toString());
        try (courseTopic) {
            String record = await().atMost(Duration.ofSeconds(30)).until(() -> courseTopic.poll().stream()
                    .filter(r -> r.value().contains("\"type\":\"SessionEntryAmended\"") && r.value().contains(sessionId))
                    .map(r -> r.value()).findFirst(), Optional::isPresent).orElseThrow();
            assertThat(GoldenFixtures.shape(record)).as("billing hears of the corrected stop")
                    .isEqualTo(GoldenFixtures.shape(GoldenFixtures.of(EventTypes.of(SessionEntryAmended.class))));
            assertThat(EventJson.tree(record).at("/payload/stoppedAt").asString()).isEqualTo(realStop.toString());
        }
    }

    @Test
    void aPatientsCoursesAndAClinicsDayInItsOwnZoneAreFoundAndEachReadIsAudited() {
        String courseId = openCourse();
        String session = startSession(courseId, denver, nurseDenver);
        JsonNode courses = EventJson.tree(api.get("/api/courses?patientId=" + patient + "&purpose=check-in", nurseDenver).body());
        assertThat(courses.valueStream().map(c -> c.get("courseId").asString())).contains(courseId);
        String nurseElsewhere = TestTokens.staff("nurse.chicago", "nurse", Set.of(UUID.randomUUID()));
        assertThat(EventJson.tree(api.get("/api/courses?patientId=" + patient, nurseElsewhere).body()).size())
                .as("a clinic the courses never were at sees none").isZero();

        LocalDate denverToday = clock.instant().atZone(ZoneId.of("America/Denver")).toLocalDate();
        JsonNode today = EventJson.tree(api.get("/api/clinics/" + denver + "/sessions?date=" + denverToday, nurseDenver).body());
        assertThat(today.valueStream().map(s -> s.get("sessionId").asString())).contains(session.substring(session.lastIndexOf('/') + 1));
        assertThat(EventJson.tree(api.get("/api/clinics/" + denver + "/sessions?date=" + denverToday.minusDays(1), nurseDenver).body())
                .valueStream().map(s -> s.get("courseId").asString())).doesNotContain(courseId);
        assertThat(api.get("/api/clinics/" + denver + "/sessions", nurseElsewhere).status()).isEqualTo(403);
        assertThat(api.get("/api/clinics/" + UUID.randomUUID() + "/sessions", auditor).status()).as("unknown clinic").isEqualTo(422);

        JsonNode reads = EventJson.tree(api.get("/api/audit/reads?patientId=" + patient, auditor).body());
        assertThat(reads.valueStream().filter(r -> r.get("view").asString().equals("patient-courses"))
                .map(r -> r.get("purpose").asString())).contains("check-in");
    }

    @Test
    void aSafetyAlertFromScreeningEntersTheOpenCourseOnceWithItsProvenance() {
        String courseId = openCourse();
        UUID alertEvent = UUID.randomUUID();
        String alert = fixture(SafetyAlertRaised.class).replace("6e7f8091-a2b3-4c4d-9e5f-6a7b8c9d0e1f", alertEvent.toString());
        TopicProbe.send(ScreeningTopics.SCREENING_CASE, patient.toString(), alert);
        TopicProbe.send(ScreeningTopics.SCREENING_CASE, patient.toString(), alert);

        await().atMost(Duration.ofSeconds(30)).until(() -> facts(courseId, alertEvent) == 1);
        long eventsBefore = PlatformWiring.storedEvents(context, courseId);
        TopicProbe.send(ScreeningTopics.SCREENING_CASE, patient.toString(), alert);
        JsonNode timeline = await().atMost(Duration.ofSeconds(30)).until(
                () -> EventJson.tree(api.get("/api/courses/" + courseId + "/timeline?purpose=check", auditor).body()),
                t -> t.valueStream().anyMatch(e -> e.get("source").asString().contains(alertEvent.toString())));
        assertThat(timeline.valueStream().filter(e -> e.get("source").asString().contains(alertEvent.toString())).count()).isEqualTo(1);
        assertThat(PlatformWiring.storedEvents(context, courseId)).isEqualTo(eventsBefore);
    }

    /** Scheduling's completed and missed appointments of the course reach it once each, with their provenance. */
    @Test
    void aCompletedAndAMissedAppointmentFromSchedulingEnterTheCourseOnce() {
        String courseId = openCourse();
        UUID completedEvent = UUID.randomUUID();
        UUID noShowEvent = UUID.randomUUID();
        String completed = fixture(AppointmentCompleted.class).replace("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", courseId)
                .replace("7b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d57", completedEvent.toString());
        String noShow = fixture(AppointmentNoShowed.class).replace("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", courseId)
                .replace("7b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d56", noShowEvent.toString());
        for (String event : List.of(completed, noShow, completed, noShow)) {
            TopicProbe.send(SchedulingTopics.APPOINTMENT, patient.toString(), event);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> facts(courseId, completedEvent) == 1 && facts(courseId, noShowEvent) == 1);
        JsonNode timeline = EventJson.tree(api.get("/api/courses/" + courseId + "/timeline?purpose=check", auditor).body());
        assertThat(timeline.valueStream().filter(e -> e.get("source").asString().startsWith("scheduling event"))
                .map(e -> e.at("/change/factType").asString())).containsExactly("AppointmentCompleted", "AppointmentNoShowed");
        assertThat(facts(courseId, completedEvent)).as("a redelivery adds nothing").isEqualTo(1);
    }

    private long facts(String courseId, UUID sourceEvent) {
        return jdbc.sql("""
                        select count(*) from domain_event_entry where aggregate_identifier = ?
                        and payload_type like '%ExternalFactRecordedEvent' and convert_from(payload, 'UTF8') like ?""")
                .params(courseId, "%" + sourceEvent + "%").query(Long.class).single();
    }

    private void storePayload(String courseId, int sequence, byte[] payload) {
        owner().sql("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = ?")
                .params(payload, courseId, sequence).update();
    }

    /** A new patient whose eligibility decision screening has published and treatment has kept. */
    private UUID eligiblePatient() {
        UUID someone = UUID.randomUUID();
        TopicProbe.send(ScreeningTopics.SCREENING_CASE, someone.toString(), fixture(EligibilityDecided.class)
                .replace(patient.toString(), someone.toString())
                .replace("91a2b3c4-d5e6-4f7a-8b8c-9d0e1f2a3b4c", UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from eligibility_decision where patient_id = ?")
                .param(someone).query(Long.class).single() == 1);
        return someone;
    }

    /** Scheduling announces a clinic; treatment keeps its zone from the clinic topic. */
    private void announce(UUID clinic, String zone) {
        TopicProbe.send(SchedulingTopics.CLINIC, clinic.toString(), GoldenFixtures.of(EventTypes.of(ClinicRegistered.class))
                .replace("11111111-1111-4111-8111-111111111111", clinic.toString())
                .replace("7b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e", UUID.randomUUID().toString())
                .replace("America/Denver", zone));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from clinic where clinic_id = ?").param(clinic)
                .query(Long.class).single() == 1);
    }

    /** A PHQ-9 submission totalling {@code total} with item 9 answered {@code item9}. */
    static String phq9(int total, int item9) {
        List<Integer> items = new ArrayList<>(Collections.nCopies(9, 0));
        int left = total - item9;
        for (int i = 0; i < 8; i++) {
            items.set(i, Math.min(3, left));
            left -= items.get(i);
        }
        items.set(8, item9);
        return "{\"instrument\": \"phq-9\", \"items\": " + items + "}";
    }

    /** The patient's eligibility arrives from screening, then a prescriber opens the course. */
    private String openCourse() {
        return openCourse("iv-ketamine");
    }

    private String openCourse(String modality) {
        String decided = fixture(EligibilityDecided.class)
                .replace("91a2b3c4-d5e6-4f7a-8b8c-9d0e1f2a3b4c", UUID.randomUUID().toString())
                .replace("\"modality\" : \"iv-ketamine\"", "\"modality\" : \"" + modality + "\"");
        TopicProbe.send(ScreeningTopics.SCREENING_CASE, patient.toString(), decided);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from eligibility_decision where patient_id = ?")
                .param(patient).query(Long.class).single() == 1);
        Api.Response opened = api.post("/api/courses", """
                {"patientId": "%s", "clinicId": "%s", "modality": "%s", "indication": "depression"}"""
                .formatted(patient, denver, modality), prescriber);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_revision = ?"
                + " and convert_from(payload, 'UTF8') like '%\"treatmentProtocolVersion\":1%'")
                .params(EventJson.tree(opened.body()).get("courseId").asString(),
                        CourseOpenedEvent.class.getAnnotation(Revision.class).value()).query(Long.class).single())
                .as("the course cites the clinic's protocol version").isEqualTo(1);
        return EventJson.tree(opened.body()).get("courseId").asString();
    }

    private String startBody(UUID clinic) {
        return """
                {"clinicId": "%s", "vitals": {"systolic": 128, "diastolic": 82, "heartRate": 72, "spo2": 98},
                 "fastingConfirmed": true, "escortConfirmed": true, "weightKg": 72.4,
                 "weightMeasuredAt": "%s", "mgPerKg": 0.5}""".formatted(clinic, clock.instant().minus(Duration.ofDays(2)));
    }

    /** Starts an infusion of 0.5 mg/kg (36.2 mg); returns the session's path. */
    private String startSession(String courseId, UUID clinic, String nurse) {
        String course = "/api/courses/" + courseId;
        Api.Response started = api.post(course + "/sessions", startBody(clinic), nurse);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode body = EventJson.tree(started.body());
        assertThat(body.at("/dose/mg").decimalValue()).isEqualByComparingTo("36.2");
        return course + "/sessions/" + body.get("sessionId").asString();
    }

    /** One IV ketamine session at a clinic: start, a hold and resume, stop, Schedule III record, discharge. */
    private void infuse(String courseId, UUID clinic, String nurse, String witness) {
        String session = startSession(courseId, clinic, nurse);

        clock.advance(Duration.ofMinutes(15));
        JsonNode held = EventJson.tree(api.post(session + "/vitals", "{\"systolic\": 182, \"diastolic\": 100, \"heartRate\": 90, \"spo2\": 97}", nurse).body());
        assertThat(held.get("holdReasons").size()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        Api.Response resumed = api.post(session + "/resume", """
                {"reading": {"systolic": 150, "diastolic": 90, "heartRate": 80, "spo2": 97},
                 "decision": "BP 150/90 after 10 min, resumed"}""", nurse);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15));
        assertThat(api.post(session + "/stop", "{\"mgGiven\": 36.2, \"reason\": \"completed\"}", nurse).status()).isEqualTo(200);
        assertThat(api.post(session + "/controlled-substance", """
                {"lot": "KET-2026-11", "givenMg": 36.2, "wastedMg": 13.8, "witness": "%s"}""".formatted(witness), nurse).status())
                .isEqualTo(200);
        Api.Response tooEarly = api.post(session + "/complete",
                "{\"dischargeVitals\": {\"systolic\": 130, \"diastolic\": 84, \"heartRate\": 74, \"spo2\": 98}, \"escortConfirmed\": true}", nurse);
        assertThat(tooEarly.status()).isEqualTo(422);
        clock.advance(Duration.ofMinutes(30));
        assertThat(api.post(session + "/complete",
                "{\"dischargeVitals\": {\"systolic\": 130, \"diastolic\": 84, \"heartRate\": 74, \"spo2\": 98}, \"escortConfirmed\": true}", nurse)
                .status()).isEqualTo(200);
    }

    private String fixture(Class<?> type) {
        return GoldenFixtures.of(EventTypes.of(type))
                .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patient.toString())
                .replace("11111111-1111-4111-8111-111111111111", denver.toString());
    }

    @Override
    protected List<KeyedWrite> keyedWrites() {
        String outcomes = "/api/courses/" + openCourse() + "/outcomes";
        AtomicInteger score = new AtomicInteger();
        String running = startSession(openCourse(), denver, nurseDenver);
        String adverseEvents = running + "/adverse-events";
        String aborted = startSession(openCourse(), denver, nurseDenver) + "/abort";
        String protocol = JsonMapper.builder().build().writeValueAsString(TreatmentProtocol.defaults());
        return List.of(post(outcomes, () -> phq9(score.incrementAndGet() % 28, 0), nurseDenver),
                new KeyedWrite("POST", () -> new Request("/api/courses", """
                        {"patientId": "%s", "clinicId": "%s", "modality": "iv-ketamine", "indication": "depression"}"""
                        .formatted(eligiblePatient(), denver)), prescriber),
                post("/api/clinics/" + denver + "/treatment-protocols", () -> "{\"effectiveFrom\": \""
                        + clock.instant().plus(Duration.ofMinutes(score.incrementAndGet())) + "\", \"protocol\": "
                        + protocol.replaceFirst("\"weightValidDays\":\\d+", "\"weightValidDays\":" + (1 + score.incrementAndGet() % 180))
                        + "}", TestTokens.staff("admin", "admin", Set.of(denver))),
                post(adverseEvents, () -> "{\"type\": \"nausea " + score.incrementAndGet()
                        + "\", \"severity\": \"mild\", \"serious\": false, \"action\": \"ondansetron 4 mg\"}", nurseDenver),
                post(running + "/vitals", () -> "{\"systolic\": 130, \"diastolic\": 84, \"heartRate\": " + (60 + score.incrementAndGet() % 40)
                        + ", \"spo2\": 97}", nurseDenver),
                post(aborted, () -> "{\"reason\": \"patient-left\", \"note\": \"left at " + score.incrementAndGet()
                        + " min\", \"mgGiven\": 10}", nurseDenver),
                post(running + "/amendments", () -> "{\"amends\": 1, \"entry\": \"weight\", \"weightKg\": " + (60 + score.incrementAndGet() % 40)
                        + ", \"reason\": \"re-weighed\"}", nurseDenver));
    }

    @Override
    protected String chainedStream() {
        String courseId = openCourse();
        assertThat(api.post("/api/courses/" + courseId + "/outcomes", phq9(10, 0), nurseDenver).status()).isEqualTo(200);
        return courseId;
    }

    @Override
    protected List<BusyRead> busyReads() {
        String course = "/api/courses/" + openCourse();
        return List.of(new BusyRead(course + "?purpose=infusion", nurseDenver),
                new BusyRead(course + "/timeline?purpose=infusion", nurseDenver),
                new BusyRead("/api/rems-forms/overdue?clinicId=" + denver, nurseDenver));
    }

    @Override
    protected List<HostileCase> hostileCases() {
        String course = "/api/courses/" + UUID.randomUUID();
        String session = course + "/sessions/" + UUID.randomUUID();
        return List.of(
                HostileCase.post("a 65-character REMS enrolment number", course + "/rems-enrolment",
                        "{\"enrolmentId\": \"" + "R".repeat(65) + "\", \"enrolledOn\": \"2026-11-30\"}", prescriber, "enrolmentId"),
                HostileCase.post("a REMS enrolment without its date", course + "/rems-enrolment", "{\"enrolmentId\": \"REMS-1\"}",
                        prescriber, "enrolledOn"),
                HostileCase.post("a 201-character adverse-event type", session + "/adverse-events",
                        "{\"type\": \"" + "n".repeat(201) + "\", \"severity\": \"mild\", \"serious\": false, \"action\": \"observed\"}",
                        nurseDenver, "type"),
                HostileCase.post("a 4,001-character adverse-event action", session + "/adverse-events",
                        "{\"type\": \"nausea\", \"severity\": \"mild\", \"serious\": false, \"action\": \"" + "a".repeat(4_001) + "\"}",
                        nurseDenver, "action"),
                HostileCase.post("a severity that is no code", session + "/adverse-events",
                        "{\"type\": \"nausea\", \"severity\": \"quite bad\", \"serious\": false, \"action\": \"observed\"}",
                        nurseDenver, "severity"),
                HostileCase.post("an adverse event that does not say whether it is serious", session + "/adverse-events",
                        "{\"type\": \"nausea\", \"severity\": \"mild\", \"action\": \"observed\"}", nurseDenver, "serious"),
                HostileCase.post("an abort reason that is no code", session + "/abort", "{\"reason\": \"bored\"}", nurseDenver, "reason"),
                HostileCase.post("a 4,001-character abort note", session + "/abort",
                        "{\"reason\": \"other\", \"note\": \"" + "n".repeat(4_001) + "\"}", nurseDenver, "note"),
                HostileCase.post("a stop without its reason", session + "/stop", "{\"mgGiven\": 36.2}", nurseDenver, "reason"),
                HostileCase.post("a resume without the reading it rests on", session + "/resume", "{\"decision\": \"fine\"}",
                        nurseDenver, "reading"),
                HostileCase.post("a 4,001-character Spravato abort note", course + "/spravato-sessions/" + UUID.randomUUID() + "/abort",
                        "{\"reason\": \"other\", \"note\": \"" + "n".repeat(4_001) + "\"}", nurseDenver, "note"),
                HostileCase.post("an amendment without the corrected values", session + "/amendments",
                        "{\"amends\": 3, \"entry\": \"stop-time\", \"reason\": \"late charting\"}", nurseDenver, "complete"),
                HostileCase.post("an amendment of an entry that does not exist", session + "/amendments",
                        "{\"amends\": 3, \"entry\": \"mood\", \"reason\": \"late charting\"}", nurseDenver, "entry"),
                HostileCase.post("a 201-character witness", session + "/controlled-substance",
                        "{\"lot\": \"KET-1\", \"givenMg\": 36, \"wastedMg\": 14, \"witness\": \"" + "w".repeat(201) + "\"}",
                        nurseDenver, "witness"),
                HostileCase.post("a 4,001-character transfer reason", course + "/transfer",
                        "{\"toClinicId\": \"%s\", \"reason\": \"%s\"}".formatted(boulder, "r".repeat(4_001)), prescriber, "reason"),
                HostileCase.post("a PHQ-9 item as a word", course + "/outcomes",
                        "{\"instrument\": \"phq-9\", \"items\": [1, \"high\"]}", nurseDenver, "items[1]"),
                HostileCase.post("21 item answers", course + "/outcomes",
                        "{\"instrument\": \"pcl-5\", \"items\": " + Collections.nCopies(21, 1) + "}", nurseDenver, "items"),
                HostileCase.post("an unknown instrument", course + "/outcomes", "{\"instrument\": \"bdi-ii\", \"items\": [1]}",
                        nurseDenver, "instrument"),
                HostileCase.post("an override of a rule that does not exist", course + "/sessions",
                        "{\"clinicId\": \"%s\", \"vitals\": {\"systolic\": 128, \"diastolic\": 82, \"heartRate\": 72, \"spo2\": 98}, ".formatted(denver)
                                + "\"fastingConfirmed\": true, \"escortConfirmed\": true, \"weightKg\": 72.4, \"weightMeasuredAt\": "
                                + "\"2026-11-01T10:00:00Z\", \"mgPerKg\": 0.5, \"overrides\": {\"fasting\": \"ate at 9\"}}", prescriber, "overrides"),
                HostileCase.post("a 4,001-character safety plan", course + "/safety-alerts/" + UUID.randomUUID() + "/follow-up",
                        "{\"safetyPlan\": \"" + "p".repeat(4_001) + "\", \"disposition\": \"continue-treatment\"}", prescriber,
                        "safetyPlan"),
                HostileCase.post("a re-induction without its reason", course + "/re-induction", "{}", prescriber, "reason"),
                HostileCase.post("an unknown modality", "/api/courses",
                        "{\"patientId\": \"%s\", \"clinicId\": \"%s\", \"modality\": \"psilocybin\"}".formatted(patient, denver),
                        prescriber, "modality"),
                HostileCase.post("a course id that is no UUID", "/api/courses/course-1/outcomes", phq9(5, 0), nurseDenver,
                        "courseId"));
    }

    @Override
    protected List<String> bodyLimitedPaths() {
        return List.of("/api/courses", "/api/courses/" + UUID.randomUUID() + "/outcomes",
                "/api/courses/" + UUID.randomUUID() + "/sessions/" + UUID.randomUUID() + "/abort");
    }

    @Override
    protected List<String> deadLetteringBindings() {
        return List.of("screeningEvents-in-0", "clinicEvents-in-0", "schedulingEvents-in-0");
    }

    @Override
    protected String[] documentedPaths() {
        return new String[] {"\"/api/courses\"", "\"/api/courses/{courseId}/timeline\"", "\"/api/audit/courses/{courseId}/verification\""};
    }
}
