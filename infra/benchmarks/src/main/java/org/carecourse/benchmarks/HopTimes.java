package org.carecourse.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.carecourse.contracts.consultations.ConsultationsTopics;
import org.carecourse.local.LocalPlatform;

import tools.jackson.databind.json.JsonMapper;

/**
 * Times the hop from a consultation request to screening's read model for each request of a
 * run, from the rows each step left: the commit of the request's event in consultations, the
 * record's timestamp on Kafka (set by the relay's producer when it sent it) and the commit of
 * screening's inbox row, which commits together with the screening case it opened. Commit times
 * come from PostgreSQL itself ({@code track_commit_timestamp}), so no service is instrumented
 * and every clock is the same machine's.
 */
final class HopTimes implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCREENING_CONSUMER = "screening-consultations";

    /** The three timings of one run, in the order the event travels. */
    record Hops(Latencies endToEnd, Latencies toKafka, Latencies fromKafka, Latencies firstThird, Latencies lastThird,
            int missing) {
    }

    private final LocalPlatform platform;
    private final KafkaConsumer<String, String> topic;

    HopTimes(LocalPlatform platform) {
        this.platform = platform;
        this.topic = new KafkaConsumer<>(Map.of("bootstrap.servers", platform.kafkaBootstrapServers(),
                "enable.auto.commit", "false", "isolation.level", "read_committed", "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class));
        List<TopicPartition> partitions = topic.partitionsFor(ConsultationsTopics.CONSULTATION).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        topic.assign(partitions);
        topic.seekToEnd(partitions);
        partitions.forEach(topic::position);
    }

    /** Waits for every request's case to reach screening, then reads back the times of each hop. */
    Hops of(Collection<String> consultationIds) throws Exception {
        Map<String, Instant> stored = new HashMap<>();
        Map<String, Long> order = new HashMap<>();
        try (Connection consultations = connect("consultations");
             PreparedStatement query = consultations.prepareStatement("""
                     select event_identifier, pg_xact_commit_timestamp(xmin), global_index from domain_event_entry
                     where aggregate_identifier = any(?) and payload_type like '%ConsultationRequested%'""")) {
            query.setArray(1, consultations.createArrayOf("varchar", consultationIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                    order.put(rows.getString(1), rows.getLong(3));
                }
            }
        }
        Map<String, Instant> applied = new HashMap<>();
        try (Connection screening = connect("screening");
             PreparedStatement query = screening.prepareStatement("""
                     select event_id::text, pg_xact_commit_timestamp(xmin) from inbox_message
                     where consumer = ? and event_id = any(?)""")) {
            query.setString(1, SCREENING_CONSUMER);
            query.setArray(2, screening.createArrayOf("uuid", stored.keySet().stream().map(UUID::fromString).toArray()));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (applied.size() < stored.size() && System.nanoTime() < deadline) {
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        applied.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                    }
                }
                if (applied.size() < stored.size()) {
                    Thread.sleep(100);
                }
            }
        }
        Map<String, Instant> sent = kafkaTimestamps(stored.keySet());

        List<String> inOrder = new ArrayList<>(applied.keySet());
        inOrder.sort((a, b) -> Long.compare(order.get(a), order.get(b)));
        Hops hops = new Hops(new Latencies(), new Latencies(), new Latencies(), new Latencies(), new Latencies(),
                consultationIds.size() - applied.size());
        for (int i = 0; i < inOrder.size(); i++) {
            String event = inOrder.get(i);
            long nanos = Duration.between(stored.get(event), applied.get(event)).toNanos();
            hops.endToEnd().add(nanos);
            if (i < inOrder.size() / 3) {
                hops.firstThird().add(nanos);
            } else if (i >= inOrder.size() - inOrder.size() / 3) {
                hops.lastThird().add(nanos);
            }
            Instant onKafka = sent.get(event);
            if (onKafka != null) {
                hops.toKafka().add(Math.max(0, Duration.between(stored.get(event), onKafka).toNanos()));
                hops.fromKafka().add(Math.max(0, Duration.between(onKafka, applied.get(event)).toNanos()));
            }
        }
        return hops;
    }

    /** The relay's send time of each event, read from the records' timestamps on the topic. */
    private Map<String, Instant> kafkaTimestamps(Collection<String> eventIds) {
        Map<String, Instant> sent = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sent.size() < eventIds.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : topic.poll(Duration.ofMillis(200))) {
                String eventId = JSON.readTree(record.value()).path("eventId").asString();
                if (eventIds.contains(eventId)) {
                    sent.put(eventId, Instant.ofEpochMilli(record.timestamp()));
                }
            }
        }
        return sent;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(database), LocalPlatform.DATABASE_ADMIN, LocalPlatform.DATABASE_ADMIN);
    }

    @Override
    public void close() {
        topic.close();
    }
}
