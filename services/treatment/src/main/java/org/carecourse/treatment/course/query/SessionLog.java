package org.carecourse.treatment.course.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.treatment.course.api.DoseHeldEvent;
import org.carecourse.treatment.course.api.InfusionAdministeredEvent;
import org.carecourse.treatment.course.api.InfusionResumedEvent;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.SessionAbortedEvent;
import org.carecourse.treatment.course.api.SessionCompletedEvent;
import org.carecourse.treatment.course.api.SpravatoSessionStartedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every session of every course, where it ran and how far it got: a clinic's day at a glance. */
@Component
@ProcessingGroup("treatment-courses")
public class SessionLog {

    private final JdbcClient jdbc;

    SessionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InfusionSessionStartedEvent event) {
        started(event.sessionId(), event.courseId(), event.patientId(), event.clinicId(), "iv-ketamine", "infusing", event.startedAt());
    }

    @EventHandler
    void on(SpravatoSessionStartedEvent event) {
        started(event.sessionId(), event.courseId(), event.patientId(), event.clinicId(), "spravato", "observing", event.dosedAt());
    }

    @EventHandler
    void on(DoseHeldEvent event) {
        status(event.sessionId(), "held", null);
    }

    @EventHandler
    void on(InfusionResumedEvent event) {
        status(event.sessionId(), "infusing", null);
    }

    @EventHandler
    void on(InfusionAdministeredEvent event) {
        status(event.sessionId(), "observing", null);
    }

    @EventHandler
    void on(SessionCompletedEvent event) {
        status(event.sessionId(), "completed", event.completedAt());
    }

    @EventHandler
    void on(SessionAbortedEvent event) {
        status(event.sessionId(), "aborted", event.at());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate course_session").update();
    }

    private void started(UUID sessionId, UUID courseId, UUID patientId, UUID clinicId, String modality, String status, Instant at) {
        jdbc.sql("""
                        insert into course_session (session_id, course_id, patient_id, clinic_id, modality, status, started_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(sessionId, courseId, patientId, clinicId, modality, status, Timestamp.from(at)).update();
    }

    private void status(UUID sessionId, String status, Instant endedAt) {
        jdbc.sql("update course_session set status = ?, ended_at = coalesce(?, ended_at) where session_id = ?")
                .params(status, endedAt == null ? null : Timestamp.from(endedAt), sessionId).update();
    }

    /** Sessions that started at the clinic in {@code [from, to)}, in start order (at most {@code limit}). */
    public List<SessionEntry> at(UUID clinicId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select * from course_session where clinic_id = ? and started_at >= ? and started_at < ?
                        order by started_at limit ?""")
                .params(clinicId, Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, n) -> new SessionEntry(rs.getObject("session_id", UUID.class), rs.getObject("course_id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("modality"),
                        rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant()))
                .list();
    }

    public record SessionEntry(UUID sessionId, UUID courseId, UUID patientId, UUID clinicId, String modality, String status,
            Instant startedAt, Instant endedAt) {
    }
}
