package org.carecourse.treatment.protocol.query;

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
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.protocol.api.TreatmentProtocolPublishedEvent;
import org.carecourse.treatment.protocol.api.TreatmentProtocolVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Treatment protocol versions per clinic, kept in the publishing transaction (subscribing processor). */
@Component
@ProcessingGroup("treatment-protocols")
public class TreatmentProtocolVersions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    TreatmentProtocolVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TreatmentProtocolPublishedEvent event) {
        jdbc.sql("""
                        insert into treatment_protocol_version (clinic_id, version, effective_from, protocol)
                        values (?, ?, ?, cast(? as jsonb)) on conflict do nothing""")
                .params(event.clinicId(), event.version(), Timestamp.from(event.effectiveFrom()),
                        JSON.writeValueAsString(event.protocol()))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from treatment_protocol_version").update();
    }

    /** The version in effect at a clinic at an instant: the latest that took effect by then. */
    public Optional<TreatmentProtocolVersion> inEffect(UUID clinicId, Instant at) {
        return jdbc.sql("""
                        select * from treatment_protocol_version where clinic_id = ? and effective_from <= ?
                        order by version desc limit 1""")
                .params(clinicId, Timestamp.from(at)).query(TreatmentProtocolVersions::version).optional();
    }

    public List<TreatmentProtocolVersion> all(UUID clinicId) {
        return jdbc.sql("select * from treatment_protocol_version where clinic_id = ? order by version")
                .param(clinicId).query(TreatmentProtocolVersions::version).list();
    }

    private static TreatmentProtocolVersion version(ResultSet rs, int row) throws SQLException {
        return new TreatmentProtocolVersion(rs.getObject("clinic_id", UUID.class), rs.getInt("version"),
                rs.getTimestamp("effective_from").toInstant(), JSON.readValue(rs.getString("protocol"), TreatmentProtocol.class));
    }
}
