package org.carecourse.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carecourse.local.LocalPlatform;
import org.carecourse.servicekit.axon.ProcessorLag;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reading history back: every course replayed from its first event, as the audit replay does,
 * and a streaming processor rebuilt from the start of the store (treatment's relay, reset and
 * run again; Kafka's consumers absorb the repeats through their inboxes).
 */
final class Replays {

    private final LocalPlatform platform;
    private final ConfigurableApplicationContext treatment;

    Replays(LocalPlatform platform) {
        this.platform = platform;
        this.treatment = platform.service("treatment");
    }

    long storedEvents() throws Exception {
        try (Connection c = connect(); var count = c.createStatement().executeQuery("select count(*) from domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** The fewest events any of the courses holds. */
    long fewestEvents(List<String> courseIds) throws Exception {
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement("""
                select coalesce(min(n), 0) from (select count(*) as n from domain_event_entry
                where aggregate_identifier = any(?) group by aggregate_identifier) counted""")) {
            query.setArray(1, c.createArrayOf("varchar", courseIds.toArray()));
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every given course read from sequence 0 through Axon (deserialized, upcast). */
    Measured courseReplay(List<String> courseIds) {
        EventStore events = treatment.getBean(EventStore.class);
        long read = 0;
        long start = System.nanoTime();
        for (String course : courseIds) {
            DomainEventStream stream = events.readEvents(course, 0);
            while (stream.hasNext()) {
                stream.next().getPayload();
                read++;
            }
        }
        return Measured.throughputOnly(read, (System.nanoTime() - start) / 1e9, "events");
    }

    /** The same courses' rows read with plain JDBC, one query per course, ordered by sequence. */
    Measured rawCourseRead(List<String> courseIds) throws Exception {
        long read = 0;
        long start = System.nanoTime();
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement("""
                select event_identifier, sequence_number, time_stamp, payload_type, payload, meta_data
                from domain_event_entry where aggregate_identifier = ? order by sequence_number""")) {
            query.setFetchSize(1000);
            c.setAutoCommit(false);
            for (String course : courseIds) {
                query.setString(1, course);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                        rows.getLong(2);
                        rows.getString(3);
                        rows.getString(4);
                        rows.getBytes(5);
                        rows.getBytes(6);
                        read++;
                    }
                }
            }
            c.commit();
        }
        return Measured.throughputOnly(read, (System.nanoTime() - start) / 1e9, "events");
    }

    /** The whole store read with a plain keyset query: the raw side of a rebuild. */
    Measured rawStoreRead() throws Exception {
        try (Connection c = connect()) {
            return RawBaselines.keysetRead(c, "domain_event_entry");
        }
    }

    /** Treatment's relay reset to the start of the store and timed until it is back at the head. */
    Measured relayRebuild(Duration patience) throws Exception {
        StreamingEventProcessor relay = treatment.getBean(EventProcessingConfiguration.class)
                .eventProcessor("treatment-outbound", StreamingEventProcessor.class).orElseThrow();
        long head = treatment.getBean(EventStore.class).createHeadToken().position().orElse(0);
        long events = storedEvents();
        relay.shutDown();
        relay.resetTokens();
        long start = System.nanoTime();
        relay.start();
        Journeys.until(patience, () -> position(relay) >= head ? Boolean.TRUE : null);
        return Measured.throughputOnly(events, (System.nanoTime() - start) / 1e9, "events");
    }

    private static long position(StreamingEventProcessor processor) {
        return ProcessorLag.slowestPosition(processor.processingStatus().values()).orElse(-1);
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(platform.jdbcUrl("treatment"), LocalPlatform.DATABASE_ADMIN, LocalPlatform.DATABASE_ADMIN);
    }
}
