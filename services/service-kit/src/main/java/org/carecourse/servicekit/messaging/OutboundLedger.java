package org.carecourse.servicekit.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.contracts.IntegrationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The relay's record of what it published and what it had to park. */
public class OutboundLedger {

    static final int MAX_REASON = 2000;

    private final JdbcClient jdbc;

    public OutboundLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the relay's transaction: recorded exactly when its token advances past the event. */
    @Transactional
    public void published(UUID eventId, String topic) {
        jdbc.sql("insert into outbound_published (event_id, topic) values (?, ?) on conflict do nothing")
                .params(eventId, topic).update();
    }

    @Transactional
    public void park(IntegrationEvent<?> event, byte[] payload, String reason) {
        String shortReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        jdbc.sql("""
                        insert into outbound_parked (event_id, event_type, topic, partition_key, payload, payload_bytes, reason)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(event.eventId(), event.type(), event.topic(), event.partitionKey(), payload,
                        payload == null ? 0 : payload.length, shortReason)
                .update();
    }

    public List<ParkedEvent> parked() {
        return jdbc.sql("""
                        select event_id, event_type, topic, partition_key, payload_bytes, reason, parked_at, republished_at,
                               republished_by from outbound_parked order by parked_at, event_id""")
                .query((rs, n) -> new ParkedEvent(rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                        rs.getString("topic"), rs.getString("partition_key"), rs.getInt("payload_bytes"), rs.getString("reason"),
                        rs.getTimestamp("parked_at").toInstant(),
                        rs.getTimestamp("republished_at") == null ? null : rs.getTimestamp("republished_at").toInstant(),
                        rs.getString("republished_by")))
                .list();
    }

    /** The parked event's record, locked until the caller's transaction ends (one republish at a time). */
    @Transactional
    public Optional<ParkedRecord> lockParked(UUID eventId) {
        return jdbc.sql("select event_type, topic, partition_key, payload, republished_at from outbound_parked where event_id = ? for update")
                .param(eventId)
                .query((rs, n) -> new ParkedRecord(eventId, rs.getString("event_type"), rs.getString("topic"), rs.getString("partition_key"),
                        rs.getBytes("payload"), rs.getTimestamp("republished_at") != null))
                .optional();
    }

    @Transactional
    public void republished(UUID eventId, String topic, String by) {
        jdbc.sql("update outbound_parked set republished_at = now(), republished_by = ? where event_id = ?")
                .params(by, eventId).update();
        published(eventId, topic);
    }

    public record ParkedEvent(UUID eventId, String eventType, String topic, String partitionKey, int payloadBytes,
            String reason, Instant parkedAt, Instant republishedAt, String republishedBy) {
    }

    public record ParkedRecord(UUID eventId, String eventType, String topic, String partitionKey, byte[] payload, boolean alreadyRepublished) {
    }
}
