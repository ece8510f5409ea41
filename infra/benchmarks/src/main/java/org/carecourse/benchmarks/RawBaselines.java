package org.carecourse.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the same PostgreSQL server and Kafka broker do with no platform code in the way: one
 * event-shaped row per transaction, a keyset read of such rows, and a record produced with the
 * relay's settings (acks=all, idempotent, no linger) and consumed by a plain consumer.
 */
final class RawBaselines implements AutoCloseable {

    static final String TABLE = "event_shaped";
    private static final byte[] PAYLOAD = new byte[420];
    private static final byte[] METADATA = new byte[260];

    private final String jdbcUrl;
    private final String user;
    private final String bootstrapServers;
    private final List<Connection> connections = new ArrayList<>();

    RawBaselines(String jdbcUrl, String user, String bootstrapServers) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.bootstrapServers = bootstrapServers;
        ThreadLocalRandom.current().nextBytes(PAYLOAD);
        ThreadLocalRandom.current().nextBytes(METADATA);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + TABLE);
            // The shape of the kit's domain_event_entry (db/servicekit/V1), on purpose: same row, no platform.
            s.execute("""
                    create table event_shaped (
                        global_index bigserial primary key,
                        event_identifier varchar(255) not null unique,
                        aggregate_identifier varchar(255) not null,
                        sequence_number bigint not null,
                        type varchar(255),
                        time_stamp varchar(255) not null,
                        payload_type varchar(255) not null,
                        payload_revision varchar(255),
                        payload bytea not null,
                        meta_data bytea,
                        unique (aggregate_identifier, sequence_number))""");
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, user, user);
        synchronized (connections) {
            connections.add(connection);
        }
        return connection;
    }

    /** One row per transaction (autocommit), each client on its own connection, appending to its own aggregates. */
    Measured inserts(int clients, Duration warmUp, Duration duration) throws Exception {
        Map<Integer, PreparedStatement> statements = new ConcurrentHashMap<>();
        Map<Integer, long[]> sequences = new ConcurrentHashMap<>();
        String aggregate = UUID.randomUUID().toString();
        return LoadDriver.closedLoop(clients, warmUp, duration, "rows", (client, sequence) -> {
            PreparedStatement insert = statements.computeIfAbsent(client, c -> prepare("""
                    insert into event_shaped (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                              payload_type, payload_revision, payload, meta_data)
                    values (?, ?, ?, 'Course', ?, 'org.carecourse.treatment.course.api.OutcomeRecordedEvent', '1', ?, ?)"""));
            long[] next = sequences.computeIfAbsent(client, c -> new long[1]);
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate + "-" + client);
            insert.setLong(3, next[0]++);
            insert.setString(4, Instant.now().toString());
            insert.setBytes(5, PAYLOAD);
            insert.setBytes(6, METADATA);
            return insert.executeUpdate() == 1;
        });
    }

    /**
     * Raw inserts into a table guarded like scheduling's appointments (btree_gist exclusion on
     * chair and time), one per transaction: {@code chairs} chairs over {@code days} days, 40-minute
     * rows at random 15-minute starts. A refusal by the constraint (23P01) is an answer, as a 409 is.
     */
    Measured exclusionInserts(int clients, int chairs, int days, Duration warmUp, Duration duration) throws Exception {
        String table = "booking_shaped_" + chairs + "_" + days;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists btree_gist");
            s.execute("drop table if exists " + table);
            s.execute("create table " + table + " (id uuid primary key, chair integer not null, patient uuid not null,"
                    + " during tstzrange not null, constraint " + table + "_no_overlap exclude using gist (chair with =, during with &&))");
        }
        Map<Integer, PreparedStatement> statements = new ConcurrentHashMap<>();
        Instant first = Instant.parse("2030-01-07T15:00:00Z");
        return LoadDriver.closedLoop(clients, warmUp, duration, "attempts", (client, sequence) -> {
            PreparedStatement insert = statements.computeIfAbsent(client, c -> prepare("insert into " + table
                    + " (id, chair, patient, during) values (?, ?, ?, tstzrange(?::timestamptz, ?::timestamptz, '[)'))"));
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Instant start = first.plus(Duration.ofDays(random.nextInt(days))).plus(Duration.ofMinutes(15L * random.nextInt(33)));
            insert.setObject(1, UUID.randomUUID());
            insert.setInt(2, random.nextInt(chairs));
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, start.toString());
            insert.setString(5, start.plus(Duration.ofMinutes(40)).toString());
            try {
                return insert.executeUpdate() == 1;
            } catch (SQLException refused) {
                return "23P01".equals(refused.getSQLState());
            }
        });
    }

    private PreparedStatement prepare(String sql) {
        try {
            return connect().prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tops the table up to {@code rows} rows in multi-row batches (set-up, not measured). */
    void fillTo(long rows) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into event_shaped (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                              payload_type, payload_revision, payload, meta_data)
                    select gen_random_uuid()::text, 'filler-' || (n / 1000), n, 'Course', now()::text,
                           'org.carecourse.treatment.course.api.OutcomeRecordedEvent', '1',
                           decode(repeat('ab', 420), 'hex'), decode(repeat('cd', 260), 'hex')
                    from generate_series((select count(*) from event_shaped), %d - 1) n""".formatted(rows));
        }
    }

    /** Reads the whole table in global order, 1,000 rows per query, as a replay reads an event store. */
    Measured keysetRead() throws SQLException {
        return keysetRead(connect(), "event_shaped");
    }

    static Measured keysetRead(Connection connection, String table) throws SQLException {
        long rows = 0;
        long after = -1;
        long start = System.nanoTime();
        try (PreparedStatement page = connection.prepareStatement("select global_index, event_identifier, aggregate_identifier, "
                + "sequence_number, time_stamp, payload_type, payload, meta_data from " + table
                + " where global_index > ? order by global_index limit 1000")) {
            while (true) {
                page.setLong(1, after);
                int inPage = 0;
                try (ResultSet result = page.executeQuery()) {
                    while (result.next()) {
                        after = result.getLong(1);
                        result.getString(2);
                        result.getString(3);
                        result.getLong(4);
                        result.getString(5);
                        result.getString(6);
                        result.getBytes(7);
                        result.getBytes(8);
                        inPage++;
                    }
                }
                rows += inPage;
                if (inPage < 1000) {
                    break;
                }
            }
        }
        return Measured.throughputOnly(rows, (System.nanoTime() - start) / 1e9, "rows");
    }

    /**
     * Records produced at a fixed rate with the relay's producer settings (synchronous sends),
     * latency from the send to a plain consumer's receipt.
     */
    Measured kafkaProduceConsume(double perSecond, Duration duration) throws Exception {
        String topic = "benchmark.raw-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Latencies latencies = new Latencies();
        AtomicLong received = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> records = new KafkaConsumer<>(Map.of(
                    "bootstrap.servers", bootstrapServers, "auto.offset.reset", "earliest", "enable.auto.commit", "false",
                    "key.deserializer", StringDeserializer.class, "value.deserializer", ByteArrayDeserializer.class))) {
                // A new topic read from its start: every record is seen, no group to join first.
                records.assign(List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1), new TopicPartition(topic, 2)));
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> record : records.poll(Duration.ofMillis(100))) {
                        Long sent = sentAt.remove(new String(record.value(), StandardCharsets.UTF_8));
                        if (sent != null) {
                            latencies.add(System.nanoTime() - sent);
                            received.incrementAndGet();
                        }
                    }
                }
            }
        }, "raw-kafka-consumer");
        consumer.start();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "acks", "all", "enable.idempotence", "true", "linger.ms", "0",
                "key.serializer", StringSerializer.class, "value.serializer", ByteArraySerializer.class))) {
            Measured sent = LoadDriver.openLoop(perSecond, duration, 1, "records", (client, sequence) -> {
                String id = UUID.randomUUID().toString();
                sentAt.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, "patient-" + (sequence % 64), id.getBytes())).get();
                return true;
            });
            Journeys.until(Duration.ofSeconds(30), () -> received.get() >= sent.operations() ? Boolean.TRUE : null);
            return new Measured(received.get(), sent.operations() - received.get(), sent.seconds(), latencies, "records");
        } finally {
            stop.set(true);
            consumer.join();
        }
    }

    @Override
    public void close() throws SQLException {
        synchronized (connections) {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }
}
