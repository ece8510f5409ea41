package org.carecourse.servicekit.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Raw reads of the event store's rows, byte for byte, for hashing and verification. */
public class StoredEvents {

    private static final String COLUMNS = """
            select aggregate_identifier, sequence_number, event_identifier, payload_type, payload_revision, time_stamp,
                   payload, meta_data from domain_event_entry
            """;

    private final JdbcClient jdbc;

    public StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public HashChain.StoredEvent byEventIdentifier(String eventIdentifier) {
        return jdbc.sql(COLUMNS + "where event_identifier = ?").param(eventIdentifier).query(StoredEvents::row).single();
    }

    public List<HashChain.StoredEvent> stream(String aggregateIdentifier) {
        return jdbc.sql(COLUMNS + "where aggregate_identifier = ? order by sequence_number")
                .param(aggregateIdentifier).query(StoredEvents::row).list();
    }

    private static HashChain.StoredEvent row(ResultSet rs, int n) throws SQLException {
        return new HashChain.StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBytes(7), rs.getBytes(8));
    }
}
