package org.carecourse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.consultations.ConsultationsTopics;
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
    void theSliceRunsOnTheLocalPlatformAbsorbsADuplicateAndSurvivesARestart() throws Exception {
        deleteRecursively(DATA);
        String consultationId;
        String patientId;
        String caseId;

        try (LocalPlatform platform = LocalPlatform.start(DATA, KAFKA_CLASSPATH, PORTS)) {
            DemoSeeder issuer = new DemoSeeder(PORTS);
            String frontDesk = issuer.token("frontdesk.denver");
            String nurse = issuer.token("nurse.denver");

            Api.Response created = api("consultations").post("/api/consultations", """
                    {"patient": {"givenName": "Ana", "familyName": "Lopez", "dateOfBirth": "1985-04-12",
                                 "phone": "+1 303 555 0101"},
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
            assertThat(screeningEvents(platform)).isEqualTo(1);
        }

        try (LocalPlatform restarted = LocalPlatform.start(DATA, KAFKA_CLASSPATH, PORTS)) {
            DemoSeeder issuer = new DemoSeeder(PORTS);
            String frontDesk = issuer.token("frontdesk.denver");
            String nurse = issuer.token("nurse.denver");

            Api.Response consultation = api("consultations").get("/api/consultations/" + consultationId, frontDesk);
            assertThat(consultation.status()).isEqualTo(200);
            assertThat(consultation.body()).contains(patientId);
            assertThat(api("screening").get("/api/screening-cases/" + caseId, nurse).status()).isEqualTo(200);
            assertThat(screeningEvents(restarted)).as("restart replays nothing twice").isEqualTo(1);

            JsonNode clinics = EventJson.tree(api("scheduling").get("/api/clinics", frontDesk).body());
            assertThat(clinics.size()).isEqualTo(3);
            long clinicEvents = restarted.service("scheduling").getBean(JdbcClient.class)
                    .sql("select count(*) from domain_event_entry").query(Long.class).single();
            assertThat(clinicEvents).as("seeding twice registers each clinic once").isEqualTo(3);
        }
    }

    private JsonNode awaitCases(String patientId, String token) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> EventJson.tree(api("screening").get("/api/screening-cases?patientId=" + patientId, token).body()),
                cases -> cases.size() > 0);
    }

    /** Reads the consultation's record as published and sends the very same bytes again. */
    private static void redeliverConsultationRecord(String patientId) throws Exception {
        var probe = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", "localhost:" + PORTS.kafka(),
                "group.id", "redeliver-" + patientId,
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class));
        try (probe) {
            probe.subscribe(List.of(ConsultationsTopics.CONSULTATION));
            String record = await().atMost(Duration.ofSeconds(30)).until(() -> {
                Optional<String> found = Optional.empty();
                for (ConsumerRecord<String, String> r : probe.poll(Duration.ofMillis(500))) {
                    if (patientId.equals(r.key())) {
                        found = Optional.of(r.value());
                    }
                }
                return found;
            }, Optional::isPresent).orElseThrow();
            var producer = new KafkaProducer<String, String>(Map.of(
                    "bootstrap.servers", "localhost:" + PORTS.kafka(),
                    "key.serializer", StringSerializer.class,
                    "value.serializer", StringSerializer.class));
            try (producer) {
                producer.send(new ProducerRecord<>(ConsultationsTopics.CONSULTATION, patientId, record)).get();
            }
        }
    }

    private static long screeningEvents(LocalPlatform platform) {
        return platform.service("screening").getBean(JdbcClient.class)
                .sql("select count(*) from domain_event_entry").query(Long.class).single();
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
