package org.carecourse.scheduling.clinic.query;

import java.time.ZoneId;
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

    /**
     * The clinic's time zone for work that runs behind the requests, such as a reminder. A clinic
     * this projection has not taken in yet (it trails the clinic's registration on a processor of
     * its own) is a retryable failure, never a guessed UTC: a patient told the wrong hour is worse
     * than a reminder sent a moment later.
     */
    public ZoneId requireZone(UUID clinicId) {
        return find(clinicId).map(clinic -> ZoneId.of(clinic.timeZone())).orElseThrow(() -> new IllegalStateException(
                "clinic " + clinicId + " is not in scheduling's clinic directory yet; retried until it is"));
    }
}
