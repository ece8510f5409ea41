package org.carecourse.consultations.patient.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The clinics caring for a patient besides the home clinic: a course there, now or before. */
@Component
public class CareClinics {

    private final JdbcClient jdbc;

    CareClinics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(UUID patientId, UUID clinicId, String reason, Instant since) {
        jdbc.sql("insert into patient_care_clinic (patient_id, clinic_id, reason, since) values (?, ?, ?, ?) on conflict do nothing")
                .params(patientId, clinicId, reason, Timestamp.from(since)).update();
    }

    public Set<UUID> of(UUID patientId) {
        return Set.copyOf(jdbc.sql("select clinic_id from patient_care_clinic where patient_id = ?").param(patientId)
                .query(UUID.class).list());
    }
}
