package org.carecourse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.FaultTiming;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The local platform under the faults a clinic chain meets: its broker gone for longer than the relay's retries, and the
 * whole platform killed (JVM, broker and PostgreSQL, {@code kill -9}) under load. Tagged
 * {@code fault}; each test runs the platform on its own ports and data folder.
 */
@Tag("fault")
class LocalPlatformFaultIT {

    private static final Path KAFKA_CLASSPATH = Path.of("..", "kafka-broker", "target", "kafka-broker.classpath");
    private static final String DENVER = DemoChain.DENVER.id().toString();

    @Test
    void aBrokerOutageLongerThanTheRelaysRetriesLosesNothingAndKeepsEachPatientsOrder() throws Exception {
        Path data = fresh("fault-broker");
        LocalPorts ports = LocalPorts.offset(11_000);
        try (LocalPlatform platform = LocalPlatform.start(data, KAFKA_CLASSPATH, ports)) {
            DemoSeeder issuer = new DemoSeeder(ports);
            String frontDesk = issuer.token("frontdesk.denver");
            String nurse = issuer.token("nurse.denver");
            Api consultations = Api.onPort(ports.service("consultations"));

            // Five patients, two requests each: one before the outage, one during it.
            Map<String, List<String>> requestsByPatient = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                JsonNode created = EventJson.tree(consultations.post("/api/consultations", newPatient(i), frontDesk).body());
                requestsByPatient.computeIfAbsent(created.get("patientId").asString(), p -> new ArrayList<>())
                        .add(created.get("consultationId").asString());
            }
            Instant down = Instant.now();
            platform.stopBroker();
            for (String patientId : requestsByPatient.keySet()) {
                Api.Response during = consultations.post("/api/consultations", """
                        {"patientId": "%s", "conditions": ["ptsd"], "preferredClinicId": "%s"}""".formatted(patientId, DENVER),
                        frontDesk);
                assertThat(during.status()).as("accepted while the broker is down: " + during.body()).isEqualTo(201);
                requestsByPatient.get(patientId).add(EventJson.tree(during.body()).get("consultationId").asString());
            }
            // Longer than several of the relay's send timeouts: it fails and retries from its token before the broker returns.
            await().atMost(FaultTiming.brokerOutage().plusSeconds(15))
                    .until(() -> Duration.between(down, Instant.now()).compareTo(FaultTiming.brokerOutage()) >= 0);
            platform.startBroker();

            Api screening = Api.onPort(ports.service("screening"));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (var patient : requestsByPatient.entrySet()) {
                    JsonNode cases = EventJson.tree(screening.get("/api/screening-cases?patientId=" + patient.getKey(), nurse).body());
                    assertThat(cases.size()).as("cases of " + patient.getKey()).isEqualTo(2);
                }
            });
            Map<String, List<String>> published = consultationIdsOnTheTopic(ports, requestsByPatient.keySet(), 2, 2);
            for (var patient : requestsByPatient.entrySet()) {
                // At least once and in order: a batch whose acknowledgements were lost in the outage is
                // sent again from the relay's token, so a record may repeat, but never overtakes one before it.
                List<String> records = published.get(patient.getKey());
                assertThat(records.stream().distinct().toList()).as("published in order").isEqualTo(patient.getValue());
                assertThat(records).as("nothing but these requests").containsOnlyElementsOf(patient.getValue());
            }

            // The relay re-publishes its whole history (a reset token, as after a lost token row):
            // the consumers' inboxes absorb every repeat.
            MeterRegistry screeningMeters = platform.service("screening").getBean(MeterRegistry.class);
            double duplicatesBefore = duplicates(screeningMeters);
            StreamingEventProcessor relay = platform.service("consultations").getBean(EventProcessingConfiguration.class)
                    .eventProcessor("consultations-outbound", StreamingEventProcessor.class).orElseThrow();
            relay.shutDown();
            relay.resetTokens();
            relay.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> duplicates(screeningMeters) >= duplicatesBefore + 10);
            // Everything again: each patient's two requests at least twice more, nothing else.
            Map<String, List<String>> republished = consultationIdsOnTheTopic(ports, requestsByPatient.keySet(), 4, 2);
            for (var patient : requestsByPatient.entrySet()) {
                assertThat(republished.get(patient.getKey()))
                        .hasSizeGreaterThanOrEqualTo(published.get(patient.getKey()).size() + 2)
                        .containsOnlyElementsOf(patient.getValue());
            }
            for (String patientId : requestsByPatient.keySet()) {
                assertThat(EventJson.tree(screening.get("/api/screening-cases?patientId=" + patientId, nurse).body()).size())
                        .as("cases after the re-publish").isEqualTo(2);
            }
        }
    }

    private static double duplicates(MeterRegistry meters) {
        var counter = meters.find("carecourse.inbound.events").tag("consumer", "screening-consultations")
                .tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCrashOfTheWholePlatformUnderLoadLosesNoAcknowledgedConsultation() throws Exception {
        Path data = fresh("fault-crash");
        LocalPorts ports = LocalPorts.offset(12_000);
        List<String[]> acknowledged = Collections.synchronizedList(new ArrayList<>());
        Process platform = launch(data, 12_000, "before-crash");
        try {
            awaitRunning(data, "before-crash", platform);
            String frontDesk = new DemoSeeder(ports).token("frontdesk.denver");
            Api consultations = Api.onPort(ports.service("consultations"));
            AtomicBoolean crashed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                clients.submit(() -> {
                    for (int i = 0; !crashed.get(); i++) {
                        try {
                            Api.Response created = consultations.sendKeyed("POST", "/api/consultations", newPatient(i % 28),
                                    frontDesk, UUID.randomUUID().toString());
                            if (created.status() == 201) {
                                JsonNode body = EventJson.tree(created.body());
                                acknowledged.add(new String[] {body.get("consultationId").asString(), body.get("patientId").asString()});
                            }
                        } catch (RuntimeException connectionLost) {
                            // the platform is gone; only answered requests count
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 150);
            killEverything(platform, data);
            crashed.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            killEverything(platform, data);
        }
        List<String[]> answered = List.copyOf(acknowledged);

        Process restarted = launch(data, 12_000, "after-crash");
        try {
            awaitRunning(data, "after-crash", restarted);
            DemoSeeder issuer = new DemoSeeder(ports);
            String frontDesk = issuer.token("frontdesk.denver");
            String nurse = issuer.token("nurse.denver");
            Api consultations = Api.onPort(ports.service("consultations"));
            Api screening = Api.onPort(ports.service("screening"));
            for (String[] request : answered) {
                assertThat(consultations.get("/api/consultations/" + request[0], frontDesk).status())
                        .as("acknowledged consultation " + request[0]).isEqualTo(200);
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                for (String[] request : answered) {
                    JsonNode cases = EventJson.tree(screening.get("/api/screening-cases?patientId=" + request[1], nurse).body());
                    assertThat(cases.size()).as("screening cases of patient " + request[1]).isEqualTo(1);
                }
            });
        } finally {
            restarted.destroy();
            if (!restarted.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                killEverything(restarted, data);
            }
        }
    }

    /** The README's run command as its own process, on offset ports, logging to {@code <run>.log}. */
    private static Process launch(Path data, int portOffset, String run) throws IOException {
        Path local = Path.of("..", "local", "target");
        String classpath = local.resolve("classes") + java.io.File.pathSeparator
                + Files.readString(local.resolve("launcher.classpath")).strip();
        Files.createDirectories(data);
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-Dcarecourse.data=" + data, "-Dcarecourse.kafka.classpath-file=" + KAFKA_CLASSPATH.toAbsolutePath(),
                "-Dcarecourse.ports.offset=" + portOffset, "-cp", classpath, "org.carecourse.local.LocalPlatform")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(data.resolve(run + ".log").toFile()))
                .start();
    }

    private static void awaitRunning(Path data, String run, Process platform) {
        Path log = data.resolve(run + ".log");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(platform.isAlive()).as("the platform process (see " + log + ")").isTrue();
            return Files.exists(log) && Files.readString(log).contains("CareCourse is running.");
        });
    }

    /** kill -9 of the platform, its broker and its PostgreSQL (which runs detached from the JVM). */
    private static void killEverything(Process platform, Path data) throws Exception {
        List<ProcessHandle> victims = new ArrayList<>(platform.descendants().toList());
        victims.add(platform.toHandle());
        Path pid = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()))
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(postmaster -> {
                victims.addAll(postmaster.descendants().toList());
                victims.add(postmaster);
            });
        }
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle victim : victims) {
            victim.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static String newPatient(int i) {
        return """
                {"patient": {"givenName": "Outage", "familyName": "Patient-%s", "dateOfBirth": "1980-01-%02d",
                             "phone": "+1 303 555 01%02d"},
                 "conditions": ["depression"], "preferredClinicId": "%s"}""".formatted(UUID.randomUUID(), i + 1, i, DENVER);
    }

    /**
     * Each patient's consultation ids in the order their records sit on the topic, read until every
     * patient has at least {@code perPatient} records of which at least {@code distinctPerPatient} differ.
     */
    private static Map<String, List<String>> consultationIdsOnTheTopic(LocalPorts ports, java.util.Set<String> patients,
            int perPatient, int distinctPerPatient) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (var probe = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", "localhost:" + ports.kafka(),
                "group.id", "probe-" + UUID.randomUUID(),
                "isolation.level", "read_committed",
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class))) {
            probe.subscribe(List.of(ConsultationsTopics.CONSULTATION));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : probe.poll(Duration.ofMillis(500))) {
                    if (patients.contains(r.key()) && r.value().contains("\"ConsultationRequested\"")) {
                        found.computeIfAbsent(r.key(), k -> new ArrayList<>())
                                .add(EventJson.tree(r.value()).at("/payload/consultationId").asString());
                    }
                }
                return patients.stream().map(p -> found.getOrDefault(p, List.of())).allMatch(ids ->
                        ids.size() >= perPatient && ids.stream().distinct().count() >= distinctPerPatient);
            });
        }
        return found;
    }

    private static Path fresh(String name) throws IOException {
        Path data = Path.of("target", name).toAbsolutePath();
        if (Files.exists(data)) {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return data;
    }
}
