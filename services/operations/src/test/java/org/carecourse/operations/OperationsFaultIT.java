package org.carecourse.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.carecourse.contracts.Actor;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.contracts.scheduling.SchedulingTopics;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentTopics;
import org.carecourse.testkit.FaultTiming;
import org.carecourse.testkit.PlatformInfra;
import org.carecourse.testkit.PlatformInfraExtension;
import org.carecourse.testkit.TopicProbe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Operations' consumers under a database outage, on the real broker and PostgreSQL: sessions
 * published while the database is away are each counted once when it returns (retried in place,
 * in order), and none is dead-lettered. Tagged {@code fault}.
 */
@Tag("fault")
@ExtendWith(PlatformInfraExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + OperationsApplication.NAME, FaultTiming.FAST_BACK_OFF, FaultTiming.FAST_BACK_OFF_CAP,
                FaultTiming.FAST_CONNECTION_TIMEOUT})
class OperationsFaultIT {

    private static final String DLQ = "carecourse.treatment.course.v1.operations.dlq";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void sessionsPublishedWhileTheDatabaseIsDownAreEachCountedOnceAndNoneIsDeadLettered() throws Exception {
        UUID clinic = UUID.randomUUID();
        OperationsIT.send(SchedulingTopics.CLINIC, IntegrationEvent.of(UUID.randomUUID(), Instant.now(), null, clinic, "c", "c",
                Actor.system("scheduling"), new ClinicRegistered(clinic, "Outage clinic", "America/Denver")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from clinic where clinic_id = ?").param(clinic)
                .query(Long.class).single() == 1);
        Instant noon = LocalDate.parse("2026-12-07").atTime(12, 0).atZone(ZoneId.of("America/Denver")).toInstant();
        try (TopicProbe deadLetters = new TopicProbe(DLQ)) {
            double failuresBefore = failures();
            Instant down = Instant.now();
            try (AutoCloseable outage = PlatformInfra.get().outage("carecourse")) {
                for (int i = 0; i < 20; i++) {
                    UUID patient = UUID.randomUUID();
                    OperationsIT.send(TreatmentTopics.COURSE, OperationsIT.event(patient, clinic, new SessionStarted(UUID.randomUUID(),
                            UUID.randomUUID(), "iv-ketamine", new BigDecimal("35"), new BigDecimal("0.5"), new BigDecimal("70"), false,
                            noon.plusSeconds(60L * i), List.of())));
                }
                await().atMost(FaultTiming.outage().plusSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        failures() >= failuresBefore + FaultTiming.RETRIES_MET_DURING_OUTAGE
                                && Duration.between(down, Instant.now()).compareTo(FaultTiming.outage()) >= 0);
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    // The pool reconnects within a second or two of the database's return; until then a read cannot connect.
                    .ignoreException(CannotGetJdbcConnectionException.class).until(() -> sessions(clinic) == 20);
            assertThat(deadLetters.poll()).as("dead letters").noneMatch(r -> r.value().contains(clinic.toString()));
        }
        assertThat(sessions(clinic)).as("each once").isEqualTo(20);
    }

    private long sessions(UUID clinic) {
        return jdbc.sql("select coalesce(sum(value), 0) from clinic_day_activity where clinic_id = ? and metric = 'iv-sessions'")
                .param(clinic).query(BigDecimal.class).single().longValue();
    }

    private double failures() {
        var counter = meters.find("carecourse.inbound.events").tag("consumer", "operations-treatment").tag("outcome", "failed").counter();
        return counter == null ? 0 : counter.count();
    }
}
