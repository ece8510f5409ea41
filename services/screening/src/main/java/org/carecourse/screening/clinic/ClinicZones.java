package org.carecourse.screening.clinic;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each clinic's time zone, from scheduling's clinic directory. */
@Component
public class ClinicZones {

    private final JdbcClient jdbc;

    ClinicZones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(ClinicRegistered clinic) {
        jdbc.sql("""
                        insert into clinic (clinic_id, name, time_zone) values (?, ?, ?)
                        on conflict (clinic_id) do update set name = excluded.name, time_zone = excluded.time_zone""")
                .params(clinic.clinicId(), clinic.name(), clinic.timeZone())
                .update();
    }

    /** The clinic's zone; UTC for a clinic the directory has not announced yet. */
    public ZoneId of(UUID clinicId) {
        return jdbc.sql("select time_zone from clinic where clinic_id = ?").param(clinicId).query(String.class).optional()
                .<ZoneId>map(ZoneId::of).orElse(ZoneOffset.UTC);
    }
}
