package org.carecourse.treatment.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Raw reads of the event store's rows, byte for byte, for hashing and verification. */
@Component
public class CourseEventRows {

    private static final String COLUMNS = """
            select aggregate_identifier, sequence_number, event_identifier, payload_type, payload_revision, time_stamp,
                   payload, meta_data from domain_event_entry
            """;

    private final JdbcClient jdbc;

    CourseEventRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    HashChain.StoredEvent byEventIdentifier(String eventIdentifier) {
        return jdbc.sql(COLUMNS + "where event_identifier = ?").param(eventIdentifier).query(CourseEventRows::row).single();
    }

    public List<HashChain.StoredEvent> stream(String aggregateIdentifier) {
        return jdbc.sql(COLUMNS + "where aggregate_identifier = ? order by sequence_number")
                .param(aggregateIdentifier).query(CourseEventRows::row).list();
    }

    private static HashChain.StoredEvent row(ResultSet rs, int n) throws SQLException {
        return new HashChain.StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBytes(7), rs.getBytes(8));
    }
}
