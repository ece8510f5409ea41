package org.carecourse.scheduling.clinic.query;

import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.scheduling.clinic.api.OpeningHours;
import org.carecourse.scheduling.clinic.api.OpeningHoursSetEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Each clinic's opening hours as last set; kept in the command's transaction, so bookings see them at once. */
@Component
@ProcessingGroup("scheduling-resources")
public class ClinicHours {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ClinicHours(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OpeningHoursSetEvent event) {
        jdbc.sql("""
                        insert into clinic_hours (clinic_id, hours) values (?, ?::jsonb)
                        on conflict (clinic_id) do update set hours = excluded.hours""")
                .params(event.clinicId(), JSON.writeValueAsString(event.hours())).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate clinic_hours").update();
    }

    /** The clinic's hours; none while its admins have not set them (it is then bookable at any hour). */
    public Optional<OpeningHours> of(UUID clinicId) {
        return jdbc.sql("select hours from clinic_hours where clinic_id = ?").param(clinicId).query(String.class).optional()
                .map(hours -> JSON.readValue(hours, OpeningHours.class));
    }
}
