package org.carecourse.consultations.consultation.query;

import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The local copy of scheduling's clinic directory, which public requests are checked against. */
@Component
public class ClinicDirectory {

    private final JdbcClient jdbc;

    ClinicDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(ClinicRegistered clinic) {
        jdbc.sql("""
                        insert into clinic (clinic_id, name, time_zone) values (?, ?, ?)
                        on conflict (clinic_id) do update set name = excluded.name, time_zone = excluded.time_zone""")
                .params(clinic.clinicId(), clinic.name(), clinic.timeZone())
                .update();
    }
}
