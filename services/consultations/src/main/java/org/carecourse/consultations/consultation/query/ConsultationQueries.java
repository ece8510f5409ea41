package org.carecourse.consultations.consultation.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
public class ConsultationQueries {

    private static final String SELECT = """
            select c.*, p.given_name, p.family_name, p.phone, p.email
            from consultation_request c left join patient p on p.patient_id = c.patient_id
            """;

    private final JdbcClient jdbc;

    ConsultationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ConsultationView> find(UUID consultationId) {
        return jdbc.sql(SELECT + "where c.consultation_id = ?").param(consultationId).query(ConsultationQueries::view).optional();
    }

    /** A clinic's intake queue in one status, oldest first. */
    public List<ConsultationView> queue(UUID clinicId, String status) {
        return jdbc.sql(SELECT + "where c.clinic_id = ? and c.status = ? order by c.requested_at limit 500")
                .params(clinicId, status).query(ConsultationQueries::view).list();
    }

    private static ConsultationView view(ResultSet rs, int row) throws SQLException {
        return new ConsultationView(
                rs.getObject("consultation_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("clinic_id", UUID.class),
                List.of((String[]) rs.getArray("conditions").getArray()),
                rs.getString("status"),
                rs.getString("contact_preference"),
                rs.getString("referral_source"),
                rs.getString("channel"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("requested_by"),
                rs.getString("outcome"),
                rs.getString("outcome_reason"),
                rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
                rs.getString("completed_by"),
                new ConsultationView.Contact(rs.getString("given_name"), rs.getString("family_name"), rs.getString("phone"),
                        rs.getString("email")));
    }
}
