package org.carecourse.servicekit.data;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * A table of per-clinic values where the last one set is the one in force (opening hours, a
 * scheduling policy): {@code (clinic_id primary key, <json column>)}. The table and column names
 * are fixed by the owning service's migration, never by input. Versioned values that take effect at
 * an instant are {@link ClinicVersions}.
 */
public final class ClinicSettings<T> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final String table;
    private final String valueColumn;
    private final Class<T> type;

    public ClinicSettings(JdbcClient jdbc, String table, String valueColumn, Class<T> type) {
        this.jdbc = jdbc;
        this.table = table;
        this.valueColumn = valueColumn;
        this.type = type;
    }

    /** Sets the clinic's value, replacing the one before. */
    public void set(UUID clinicId, T value) {
        jdbc.sql("insert into " + table + " (clinic_id, " + valueColumn + ") values (?, cast(? as jsonb))"
                        + " on conflict (clinic_id) do update set " + valueColumn + " = excluded." + valueColumn)
                .params(clinicId, JSON.writeValueAsString(value)).update();
    }

    /** The clinic's value; none while it has not been set. */
    public Optional<T> of(UUID clinicId) {
        return jdbc.sql("select " + valueColumn + " from " + table + " where clinic_id = ?").param(clinicId).query(String.class)
                .optional().map(json -> JSON.readValue(json, type));
    }

    /** Forgets every clinic's value (a replay rebuilds them). */
    public void clear() {
        jdbc.sql("truncate " + table).update();
    }
}
