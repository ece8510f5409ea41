package org.carecourse.servicekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.carecourse.contracts.Actor;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.testkit.PlatformInfra;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;

/**
 * The relay's batches as consumers see them, on a real broker and a real ledger: a batch is seen
 * whole once it commits, never if it fails, and one event the broker refuses for good is parked
 * while the rest of its batch is published once, in order.
 */
class TransactionalRelayIT {

    /** Small enough that a consultation request naming many conditions is refused by the producer itself. */
    private static final int MAX_REQUEST_BYTES = 1_200;

    private static OutboundProducer producer;
    private static IntegrationEventPublisher publisher;
    private static JdbcClient ledgerTables;

    @BeforeAll
    static void relayOnARealBrokerAndLedger() {
        PlatformInfra infra = PlatformInfra.get();
        String url = infra.database("transactional_relay_it");
        Flyway.configure().dataSource(url, infra.username(), infra.password()).locations("classpath:db/servicekit")
                .placeholders(Map.of("appRole", PlatformInfra.APP_ROLE)).load().migrate();
        ledgerTables = JdbcClient.create(DataSourceBuilder.create().url(url).username(infra.username()).password(infra.password())
                .build());
        producer = new OutboundProducer(infra.bootstrapServers(),
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_REQUEST_BYTES)), 3, "relay-it-" + UUID.randomUUID() + "-");
        publisher = new IntegrationEventPublisher(producer, new OutboundLedger(ledgerTables), new SimpleMeterRegistry(),
                Validation.buildDefaultValidatorFactory().getValidator(),
                new OutboundProperties(DataSize.ofKilobytes(64), 100));
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void aBatchIsSeenWholeOnceItCommitsAndInTheOrderItWasSent() {
        UUID patient = UUID.randomUUID();
        List<IntegrationEvent<ConsultationRequested>> batch = IntStream.range(0, 3).mapToObj(i -> request(patient, 1)).toList();
        try (TopicReader reader = new TopicReader()) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            batch.forEach(publisher::publish);
            assertThat(reader.idsOf(patient, Duration.ofSeconds(2))).as("nothing is seen before the batch commits").isEmpty();
            unitOfWork.commit();
            assertThat(reader.awaitIdsOf(patient, 3)).as("all of it, in order").containsExactlyElementsOf(ids(batch));
        }
        assertThat(published(batch)).isEqualTo(3);
    }

    @Test
    void aBatchThatFailsIsNeverSeenAndItsRetryIsSeenOnce() {
        UUID patient = UUID.randomUUID();
        List<IntegrationEvent<ConsultationRequested>> batch = List.of(request(patient, 1), request(patient, 1));
        try (TopicReader reader = new TopicReader()) {
            UnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(null);
            batch.forEach(publisher::publish);
            failed.rollback(new IllegalStateException("the relay's database transaction failed"));
            assertThat(published(batch)).isZero();

            UnitOfWork<?> retried = DefaultUnitOfWork.startAndGet(null);
            batch.forEach(publisher::publish);
            retried.commit();
            List<String> seen = reader.awaitIdsOf(patient, 2);
            assertThat(reader.idsOf(patient, Duration.ofSeconds(1))).as("nothing more arrives").isEmpty();
            assertThat(seen).as("the aborted sends are never seen; the retry once, in order").containsExactlyElementsOf(ids(batch));
        }
    }

    @Test
    void anEventTheBrokerRefusesIsParkedAndTheRestOfItsBatchIsPublishedOnceInOrder() {
        UUID patient = UUID.randomUUID();
        IntegrationEvent<ConsultationRequested> first = request(patient, 1);
        IntegrationEvent<ConsultationRequested> tooLarge = request(patient, 20);
        IntegrationEvent<ConsultationRequested> last = request(patient, 1);
        assertThat(EventJson.writeBytes(first).length).isLessThan(MAX_REQUEST_BYTES - 200);
        assertThat(EventJson.writeBytes(tooLarge).length).as("over the producer's request size, within the event budget")
                .isGreaterThan(MAX_REQUEST_BYTES).isLessThan(64 * 1024);
        try (TopicReader reader = new TopicReader()) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            List.of(first, tooLarge, last).forEach(publisher::publish);
            unitOfWork.commit();
            assertThat(reader.awaitIdsOf(patient, 2)).containsExactly(id(first), id(last));
            assertThat(reader.idsOf(patient, Duration.ofSeconds(1))).as("nothing more arrives").isEmpty();
        }
        assertThat(published(List.of(first, last))).isEqualTo(2);
        assertThat(ledgerTables.sql("select reason from outbound_parked where event_id = ?").param(tooLarge.eventId())
                .query(String.class).single()).startsWith("refused by the broker: ");
    }

    private static IntegrationEvent<ConsultationRequested> request(UUID patient, int conditions) {
        List<String> named = IntStream.range(0, conditions).mapToObj(i -> "condition-" + i + "-" + "x".repeat(40)).toList();
        return IntegrationEvent.of(UUID.randomUUID(), Instant.now(), patient, UUID.randomUUID(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), Actor.system("relay-it"),
                new ConsultationRequested(UUID.randomUUID(), patient, UUID.randomUUID(), named));
    }

    private static List<String> ids(List<IntegrationEvent<ConsultationRequested>> events) {
        return events.stream().map(TransactionalRelayIT::id).toList();
    }

    private static String id(IntegrationEvent<ConsultationRequested> event) {
        return event.eventId().toString();
    }

    private static long published(List<IntegrationEvent<ConsultationRequested>> events) {
        return ledgerTables.sql("select count(*) from outbound_published where event_id in (" + String.join(", ",
                Collections.nCopies(events.size(), "?")) + ")").params(events.stream().map(IntegrationEvent::eventId).toList())
                .query(Long.class).single();
    }

    /** Reads the topic as the services do: committed records only. */
    private static final class TopicReader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfra.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-it-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));

        TopicReader() {
            consumer.subscribe(List.of(ConsultationsTopics.CONSULTATION));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return !consumer.assignment().isEmpty();
            });
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
        }

        /** The event ids of the patient's records that arrive within {@code wait}. */
        List<String> idsOf(UUID patient, Duration wait) {
            List<String> ids = new ArrayList<>();
            long until = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < until) {
                poll(patient, ids);
            }
            return ids;
        }

        List<String> awaitIdsOf(UUID patient, int count) {
            List<String> ids = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll(patient, ids);
                return ids.size() >= count;
            });
            return ids;
        }

        private void poll(UUID patient, List<String> ids) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (patient.toString().equals(record.key())) {
                    ids.add(EventJson.tree(record.value()).get("eventId").asString());
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
