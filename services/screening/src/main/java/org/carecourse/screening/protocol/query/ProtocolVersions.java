package org.carecourse.screening.protocol.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.screening.protocol.api.ProtocolParameters;
import org.carecourse.screening.protocol.api.ProtocolVersion;
import org.carecourse.screening.protocol.api.ProtocolVersionPublishedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Protocol versions per clinic. A subscribing processor (see screening.yml) keeps this table in
 * the publishing transaction, so a version is usable as soon as its command returns.
 */
@Component
@ProcessingGroup("screening-protocols")
public class ProtocolVersions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ProtocolVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProtocolVersionPublishedEvent event) {
        jdbc.sql("""
                        insert into protocol_version (clinic_id, version, effective_from, parameters)
                        values (?, ?, ?, cast(? as jsonb)) on conflict do nothing""")
                .params(event.clinicId(), event.version(), Timestamp.from(event.effectiveFrom()),
                        JSON.writeValueAsString(event.parameters()))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from protocol_version").update();
    }

    /** The version in effect at a clinic at an instant: the latest that took effect by then. */
    public Optional<ProtocolVersion> inEffect(UUID clinicId, Instant at) {
        return jdbc.sql("""
                        select * from protocol_version where clinic_id = ? and effective_from <= ?
                        order by version desc limit 1""")
                .params(clinicId, Timestamp.from(at))
                .query(ProtocolVersions::version).optional();
    }

    public List<ProtocolVersion> all(UUID clinicId) {
        return jdbc.sql("select * from protocol_version where clinic_id = ? order by version")
                .param(clinicId).query(ProtocolVersions::version).list();
    }

    private static ProtocolVersion version(ResultSet rs, int row) throws SQLException {
        return new ProtocolVersion(rs.getObject("clinic_id", UUID.class), rs.getInt("version"),
                rs.getTimestamp("effective_from").toInstant(),
                JSON.readValue(rs.getString("parameters"), ProtocolParameters.class));
    }
}
