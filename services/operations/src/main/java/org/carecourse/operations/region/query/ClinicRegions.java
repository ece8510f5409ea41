package org.carecourse.operations.region.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The region each clinic reports under, as an admin set it: the chain's dashboards filter and
 * sum by it. Operations owns this grouping; a rebuild of the read models keeps it.
 */
@Component
public class ClinicRegions {

    private final JdbcClient jdbc;

    ClinicRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets (or moves) the clinic's region; setting the same region again changes nothing. */
    public void set(UUID clinicId, String region, String setBy, Instant at) {
        jdbc.sql("""
                        insert into clinic_region (clinic_id, region, set_by, set_at) values (?, ?, ?, ?)
                        on conflict (clinic_id) do update set region = excluded.region, set_by = excluded.set_by, set_at = excluded.set_at
                        where clinic_region.region <> excluded.region""")
                .params(clinicId, region, setBy, Timestamp.from(at)).update();
    }

    /** Each clinic's region, for the clinics that have one. */
    public Map<UUID, String> all() {
        return jdbc.sql("select clinic_id, region from clinic_region")
                .query((rs, n) -> Map.entry(rs.getObject("clinic_id", UUID.class), rs.getString("region")))
                .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public record Assignment(UUID clinicId, String region, String setBy, Instant setAt) {
    }

    public List<Assignment> assignments() {
        return jdbc.sql("select clinic_id, region, set_by, set_at from clinic_region order by region, clinic_id")
                .query((rs, n) -> new Assignment(rs.getObject("clinic_id", UUID.class), rs.getString("region"), rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .list();
    }
}
