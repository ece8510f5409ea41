package org.carecourse.servicekit.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * A table of per-clinic values that change only by new versions, each taking effect at an
 * instant (protocols and other clinic data): {@code (clinic_id, version, effective_from, <json column>)}.
 * The table and column names are fixed by the owning service's migration, never by input.
 */
public final class ClinicVersions<T> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final String table;
    private final String valueColumn;
    private final Class<T> type;

    public ClinicVersions(JdbcClient jdbc, String table, String valueColumn, Class<T> type) {
        this.jdbc = jdbc;
        this.table = table;
        this.valueColumn = valueColumn;
        this.type = type;
    }

    /** Records a version; repeating it (a replay) changes nothing. */
    public void add(UUID clinicId, int version, Instant effectiveFrom, T value) {
        jdbc.sql("insert into " + table + " (clinic_id, version, effective_from, " + valueColumn + ")"
                        + " values (?, ?, ?, cast(? as jsonb)) on conflict do nothing")
                .params(clinicId, version, Timestamp.from(effectiveFrom), JSON.writeValueAsString(value))
                .update();
    }

    /** The version in effect at a clinic at an instant: the latest that took effect by then. */
    public Optional<Versioned<T>> inEffect(UUID clinicId, Instant at) {
        return jdbc.sql("select * from " + table + " where clinic_id = ? and effective_from <= ? order by version desc limit 1")
                .params(clinicId, Timestamp.from(at)).query(this::versioned).optional();
    }

    public Optional<Versioned<T>> find(UUID clinicId, int version) {
        return jdbc.sql("select * from " + table + " where clinic_id = ? and version = ?").params(clinicId, version)
                .query(this::versioned).optional();
    }

    public List<Versioned<T>> all(UUID clinicId) {
        return jdbc.sql("select * from " + table + " where clinic_id = ? order by version").param(clinicId)
                .query(this::versioned).list();
    }

    public void clear() {
        jdbc.sql("delete from " + table).update();
    }

    private Versioned<T> versioned(ResultSet rs, int row) throws SQLException {
        return new Versioned<>(rs.getObject("clinic_id", UUID.class), rs.getInt("version"),
                rs.getTimestamp("effective_from").toInstant(), JSON.readValue(rs.getString(valueColumn), type));
    }

    public record Versioned<T>(UUID clinicId, int version, Instant effectiveFrom, T value) {
    }
}
