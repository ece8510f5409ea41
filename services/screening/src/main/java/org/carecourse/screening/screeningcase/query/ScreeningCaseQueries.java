package org.carecourse.screening.screeningcase.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Component
public class ScreeningCaseQueries {

    private static final String SELECT = "select * from screening_case ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    public List<SubmissionView> submissions(UUID caseId) {
        return jdbc.sql("select * from instrument_submission where case_id = ? order by submitted_at")
                .param(caseId)
                .query((rs, row) -> new SubmissionView(rs.getObject("submission_id", UUID.class), rs.getString("instrument"),
                        JSON.readTree(rs.getString("answers")), rs.getInt("total"), rs.getString("band"),
                        rs.getBoolean("safety_concern"), (Boolean) rs.getObject("provisional_ptsd"),
                        (Boolean) rs.getObject("dsm5_cluster_met"), rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("submitted_by")))
                .list();
    }

    public Optional<JsonNode> history(UUID caseId) {
        return jdbc.sql("select history from clinical_history where case_id = ?").param(caseId)
                .query((rs, row) -> JSON.readTree(rs.getString("history"))).optional();
    }

    /** A clinic's safety alerts in one status, oldest first: the queue clinicians work through. */
    public List<SafetyAlertView> alerts(UUID clinicId, String status) {
        return jdbc.sql("select * from safety_alert where clinic_id = ? and status = ? order by raised_at")
                .params(clinicId, status)
                .query((rs, row) -> new SafetyAlertView(rs.getObject("alert_id", UUID.class),
                        rs.getObject("case_id", UUID.class), rs.getObject("patient_id", UUID.class),
                        rs.getObject("clinic_id", UUID.class), rs.getString("trigger"), rs.getString("status"),
                        rs.getTimestamp("raised_at").toInstant(),
                        rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant(),
                        rs.getString("disposition")))
                .list();
    }

    public Optional<DecisionView> decision(UUID caseId) {
        return jdbc.sql("select * from eligibility_decision where case_id = ?").param(caseId)
                .query((rs, row) -> new DecisionView(rs.getObject("decision_id", UUID.class), rs.getString("modality"),
                        rs.getString("outcome"), rs.getString("proposed_outcome"), rs.getString("override_reason"),
                        JSON.readTree(rs.getString("rules_fired")), JSON.readTree(rs.getString("scores")),
                        rs.getInt("protocol_version"), rs.getDate("valid_until").toLocalDate(),
                        rs.getTimestamp("signed_at").toInstant(), rs.getString("signed_by")))
                .optional();
    }

    private static ScreeningCaseView view(ResultSet rs, int row) throws SQLException {
        return new ScreeningCaseView(
                rs.getObject("case_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("clinic_id", UUID.class),
                rs.getObject("consultation_id", UUID.class),
                rs.getString("status"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getString("opened_by"),
                rs.getObject("open_alert_id", UUID.class),
                rs.getString("decided_outcome"));
    }
}
