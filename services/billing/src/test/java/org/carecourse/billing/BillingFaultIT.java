package org.carecourse.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carecourse.billing.BillingIT.event;
import static org.carecourse.billing.BillingIT.send;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.treatment.InfusionAdministered;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentTopics;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Billing under a database outage outlasting several retries ({@link FaultTiming}), on the real broker and PostgreSQL: sessions that end
 * meanwhile are charged once each when it returns, nothing is dead-lettered, and a payment whose
 * first attempt failed in the outage is recorded once when the front desk retries it with its key.
 * Tagged {@code fault}.
 */
@Tag("fault")
@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + BillingApplication.NAME, FaultTiming.FAST_BACK_OFF, FaultTiming.FAST_BACK_OFF_CAP,
                FaultTiming.FAST_CONNECTION_TIMEOUT})
class BillingFaultIT {

    private static final String DLQ = "carecourse.treatment.course.v1.billing.dlq";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @Test
    void sessionsEndingWhileTheDatabaseIsDownAreChargedOnceAndARetriedPaymentIsRecordedOnce() throws Exception {
        UUID clinic = UUID.randomUUID();
        send(SchedulingTopics.CLINIC, event(null, clinic, new ClinicRegistered(clinic, "Outage clinic", "America/Denver")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from clinic where clinic_id = ?").param(clinic)
                .query(Long.class).single() == 1);
        String billing = TestTokens.staff("billing.outage", "billing", Set.of(clinic));
        Api api = Api.onPort(port);
        UUID payer = UUID.randomUUID();
        infusion(payer, clinic);
        await().atMost(Duration.ofSeconds(30)).until(() -> charges(payer) == 1);
        String draft = api.post("/api/patients/" + payer + "/invoices", "{\"clinicId\": \"" + clinic + "\"}", billing).body();
        String invoice = "/api/invoices/" + EventJson.tree(draft).get("invoiceId").asString();
        assertThat(api.post(invoice + "/issue", "{}", billing).status()).isEqualTo(200);
        String key = UUID.randomUUID().toString();
        String payment = "{\"amount\": 100.00, \"method\": \"card\", \"reference\": \"ch_outage\"}";

        List<UUID> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(UUID.randomUUID());
        }
        try (TopicProbe deadLetters = new TopicProbe(DLQ)) {
            double failuresBefore = failures();
            Instant down = Instant.now();
            try (AutoCloseable outage = PlatformInfra.get().outage("carecourse")) {
                burst.forEach(patient -> infusion(patient, clinic));
                Api.Response failed = api.sendKeyed("POST", invoice + "/payments", payment, billing, key);
                assertThat(failed.status()).as("a payment while the database is away: " + failed.body()).isGreaterThanOrEqualTo(500);
                await().atMost(FaultTiming.outage().plusSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        failures() >= failuresBefore + FaultTiming.RETRIES_MET_DURING_OUTAGE
                                && Duration.between(down, Instant.now()).compareTo(FaultTiming.outage()) >= 0);
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    // The pool reconnects within a second or two of the database's return; until then a read cannot connect.
                    .ignoreException(CannotGetJdbcConnectionException.class).untilAsserted(() -> {
                for (UUID patient : burst) {
                    assertThat(charges(patient)).as("charges of " + patient).isEqualTo(1);
                }
            });
            Set<String> keys = burst.stream().map(UUID::toString).collect(Collectors.toSet());
            assertThat(deadLetters.poll()).as("dead letters of the burst").noneMatch(r -> keys.contains(r.key()));
        }
        Api.Response retried = api.sendKeyed("POST", invoice + "/payments", payment, billing, key);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        Api.Response again = api.sendKeyed("POST", invoice + "/payments", payment, billing, key);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.sql("select count(*) from payment where reference = 'ch_outage' and patient_id = ?").param(payer)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(EventJson.tree(again.body()).get("balance").decimalValue()).isEqualByComparingTo("350.00");
    }

    private long charges(UUID patient) {
        return jdbc.sql("select count(*) from charge where patient_id = ?").param(patient).query(Long.class).single();
    }

    private double failures() {
        var counter = meters.find("carecourse.inbound.events").tag("consumer", "billing-treatment").tag("outcome", "failed").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void infusion(UUID patient, UUID clinic) {
        UUID course = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(3 * 3600);
        send(TreatmentTopics.COURSE, event(patient, clinic, new SessionStarted(course, session, "iv-ketamine", new BigDecimal("35"),
                new BigDecimal("0.5"), new BigDecimal("70"), false, start, List.of())));
        send(TreatmentTopics.COURSE, event(patient, clinic, new InfusionAdministered(course, session, start, start.plusSeconds(45 * 60),
                new BigDecimal("35"), new BigDecimal("0.5"), new BigDecimal("70"))));
    }
}
