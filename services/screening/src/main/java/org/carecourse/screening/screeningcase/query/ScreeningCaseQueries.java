package org.carecourse.screening.screeningcase.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
public class ScreeningCaseQueries {

    private static final String SELECT = "select * from screening_case ";

    private final JdbcClient jdbc;

    ScreeningCaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ScreeningCaseView> find(UUID caseId) {
        return jdbc.sql(SELECT + "where case_id = ?").param(caseId).query(ScreeningCaseQueries::view).optional();
    }

    /** A patient's cases at the given clinics (all clinics when {@code clinics} is null). */
    public List<ScreeningCaseView> forPatient(UUID patientId, Collection<UUID> clinics) {
        return jdbc.sql(SELECT + "where patient_id = ? order by opened_at").param(patientId)
                .query(ScreeningCaseQueries::view).list().stream()
                .filter(view -> clinics == null || clinics.contains(view.clinicId()))
                .toList();
    }

    public List<ScreeningCaseView> forClinic(UUID clinicId) {
        return jdbc.sql(SELECT + "where clinic_id = ? order by opened_at desc limit 500").param(clinicId)
                .query(ScreeningCaseQueries::view).list();
    }

    private static ScreeningCaseView view(ResultSet rs, int row) throws SQLException {
        return new ScreeningCaseView(
                rs.getObject("case_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("clinic_id", UUID.class),
                rs.getObject("consultation_id", UUID.class),
                rs.getString("status"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getString("opened_by"));
    }
}
