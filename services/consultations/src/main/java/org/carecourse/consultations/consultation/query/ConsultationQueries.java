package org.carecourse.consultations.consultation.query;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
public class ConsultationQueries {

    private final JdbcClient jdbc;

    ConsultationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ConsultationView> find(UUID consultationId) {
        return jdbc.sql("select * from consultation_request where consultation_id = ?")
                .param(consultationId)
                .query((rs, row) -> new ConsultationView(
                        rs.getObject("consultation_id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("clinic_id", UUID.class),
                        strings(rs.getArray("conditions")),
                        rs.getString("status"),
                        rs.getTimestamp("requested_at").toInstant(),
                        rs.getString("requested_by")))
                .optional();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
