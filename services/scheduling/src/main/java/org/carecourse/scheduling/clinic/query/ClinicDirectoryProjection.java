package org.carecourse.scheduling.clinic.query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.scheduling.clinic.api.ClinicRegisteredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The clinic directory read model and its queries. */
@Component
@ProcessingGroup("scheduling-clinics")
public class ClinicDirectoryProjection {

    private final JdbcClient jdbc;

    ClinicDirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClinicRegisteredEvent event) {
        jdbc.sql("""
                        insert into clinic (clinic_id, name, time_zone) values (?, ?, ?)
                        on conflict (clinic_id) do update set name = excluded.name, time_zone = excluded.time_zone""")
                .params(event.clinicId(), event.name(), event.timeZone())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from clinic").update();
    }

    public List<ClinicView> all() {
        return jdbc.sql("select clinic_id, name, time_zone from clinic order by name").query(ClinicView.class).list();
    }

    public Optional<ClinicView> find(UUID clinicId) {
        return jdbc.sql("select clinic_id, name, time_zone from clinic where clinic_id = ?").param(clinicId)
                .query(ClinicView.class).optional();
    }
}
