package org.carecourse.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventTypes;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.contracts.fixtures.GoldenFixtures;
import org.carecourse.screening.screeningcase.api.ScreeningCaseIds;
import org.carecourse.servicekit.testing.PlatformWiring;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.FaultTiming;
import org.carecourse.testkit.PlatformInfra;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.testkit.TestTokens;
import org.carecourse.testkit.TopicProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Screening as a consumer under faults, on the real broker and PostgreSQL: its database gone during
 * a burst (longer than several retries, see {@link FaultTiming}), and dead letters replayed after a fix. Tagged {@code fault}: the fault
 * tests alone run with {@code ./mvnw -B verify -Dgroups=fault}, the rest with {@code -DexcludedGroups=fault}.
 */
@Tag("fault")
@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ScreeningApplication.NAME, FaultTiming.FAST_BACK_OFF, FaultTiming.FAST_BACK_OFF_CAP,
                FaultTiming.FAST_CONNECTION_TIMEOUT})
class ScreeningFaultIT {

    private static final String FIXTURE = GoldenFixtures.of(EventTypes.of(ConsultationRequested.class));
    private static final String DLQ = "carecourse.consultations.consultation.v1.screening.dlq";
    private static final String ADMIN = TestTokens.staff("admin", "admin", Set.of());

    @Autowired
    ApplicationContext context;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @Test
    void aBurstArrivingWhileTheDatabaseIsDownTakesEffectOnceAndNothingIsDeadLettered() throws Exception {
        UUID clinic = UUID.randomUUID();
        List<Consultation> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(new Consultation(clinic));
        }
        try (TopicProbe deadLetters = new TopicProbe(DLQ)) {
            double failuresBefore = failures();
            Instant down = Instant.now();
            try (AutoCloseable outage = PlatformInfra.get().outage("carecourse")) {
                burst.forEach(c -> TopicProbe.send(ConsultationsTopics.CONSULTATION, c.patientId.toString(), c.json));
                // The outage outlasts several retries: the consumer met it, not slept through it.
                await().atMost(FaultTiming.outage().plusSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        failures() >= failuresBefore + FaultTiming.RETRIES_MET_DURING_OUTAGE
                                && Duration.between(down, Instant.now()).compareTo(FaultTiming.outage()) >= 0);
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    // The pool reconnects within a second or two of the database's return; until then a read cannot connect.
                    .ignoreException(CannotGetJdbcConnectionException.class).untilAsserted(() -> {
                for (Consultation c : burst) {
                    assertThat(PlatformWiring.storedEvents(context, c.caseId())).as("case of " + c.consultationId).isEqualTo(1);
                }
            });
            Set<String> keys = burst.stream().map(c -> c.patientId.toString()).collect(java.util.stream.Collectors.toSet());
            assertThat(deadLetters.poll()).as("dead letters of the burst").noneMatch(r -> keys.contains(r.key()));
        }
    }

    @Test
    void deadLettersAreReplayedIntoTheConsumerOnceAndOnesThatFailAgainAreKept() {
        Api api = Api.onPort(port);
        Consultation lost = new Consultation(UUID.randomUUID());
        String unknownKey = UUID.randomUUID().toString();
        // As if dead-lettered by an earlier build: one this build can apply, one it still cannot read.
        TopicProbe.send(DLQ, lost.patientId.toString(), lost.json);
        TopicProbe.send(DLQ, unknownKey, lost.json.replace("\"ConsultationRequested\"", "\"ConsultationRequestedByFax\""));
        // A second request for the same consultation under another event id: its effect fails inside its transaction.
        String clashKey = UUID.randomUUID().toString();
        TopicProbe.send(DLQ, clashKey, lost.json.replace(lost.eventId.toString(), UUID.randomUUID().toString()));

        // Sent with a key, as a client that keys every POST would: each record still takes effect on its own.
        JsonNode first = EventJson.tree(api.sendKeyed("POST", "/api/admin/dead-letters/consultationEvents-in-0/replay", "{}", ADMIN,
                UUID.randomUUID().toString()).body());
        assertThat(first.get("replayed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(first.get("failedAgain").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(PlatformWiring.storedEvents(context, lost.caseId())).isEqualTo(1);

        // The kept record waits for the next replay; replaying again adds no second effect.
        try (TopicProbe deadLetters = new TopicProbe(DLQ)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.poll().stream().filter(r -> unknownKey.equals(r.key())).count() >= 2);
        }
        JsonNode second = EventJson.tree(api.post("/api/admin/dead-letters/consultationEvents-in-0/replay", "{}", ADMIN).body());
        assertThat(second.get("replayed").asInt()).isZero();
        assertThat(second.get("failedAgain").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(PlatformWiring.storedEvents(context, lost.caseId())).isEqualTo(1);
        try (TopicProbe deadLetters = new TopicProbe(DLQ)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.poll().stream().filter(r -> unknownKey.equals(r.key())).count() >= 3);
        }
        assertThat(api.post("/api/admin/dead-letters/nothing-in-0/replay", "{}", ADMIN).status()).isEqualTo(404);
    }

    private double failures() {
        var counter = meters.find("carecourse.inbound.events").tag("consumer", "screening-consultations").tag("outcome", "failed").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The golden fixture with fresh ids. */
    private static final class Consultation {
        final UUID eventId = UUID.randomUUID();
        final UUID patientId = UUID.randomUUID();
        final UUID consultationId = UUID.randomUUID();
        final String json;

        Consultation(UUID clinic) {
            json = FIXTURE.replace("5f0c6f0e-3a1b-4d7e-9a55-0b3f1f2a9c01", eventId.toString())
                    .replace("8d3c2b1a-6e5f-4a3b-9c8d-7e6f5a4b3c2d", patientId.toString())
                    .replace("2a7b9c1d-4e3f-4a5b-8c6d-9e0f1a2b3c4d", consultationId.toString())
                    .replace("11111111-1111-4111-8111-111111111111", clinic.toString());
        }

        String caseId() {
            return ScreeningCaseIds.forConsultation(consultationId).toString();
        }
    }
}
