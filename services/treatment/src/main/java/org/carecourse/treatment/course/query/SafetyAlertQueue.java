package org.carecourse.treatment.course.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.treatment.course.api.CourseTransferredEvent;
import org.carecourse.treatment.course.api.SafetyAlertRaisedEvent;
import org.carecourse.treatment.course.api.SafetyAlertResolvedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each clinic's queue of safety alerts on its open courses, the course's own and screening's.
 * Kept in the command's transaction, so the alert is in the queue the moment it is raised; it
 * follows the course when the course is transferred.
 */
@Component
@ProcessingGroup("treatment-courses")
public class SafetyAlertQueue {

    private final JdbcClient jdbc;

    SafetyAlertQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SafetyAlertRaisedEvent event) {
        jdbc.sql("""
                        insert into course_safety_alert (alert_id, course_id, patient_id, clinic_id, trigger, source, raised_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(event.alertId(), event.courseId(), event.patientId(), event.clinicId(), event.trigger(), event.source(),
                        Timestamp.from(event.at()))
                .update();
    }

    @EventHandler
    void on(SafetyAlertResolvedEvent event) {
        jdbc.sql("update course_safety_alert set resolved_at = ?, disposition = ? where alert_id = ? and course_id = ?")
                .params(Timestamp.from(event.at()), event.disposition(), event.alertId(), event.courseId()).update();
    }

    @EventHandler
    void on(CourseTransferredEvent event) {
        jdbc.sql("update course_safety_alert set clinic_id = ? where course_id = ?").params(event.toClinicId(), event.courseId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate course_safety_alert").update();
    }

    /** Open alerts at a clinic, oldest first, or resolved ones, newest first (at most {@code limit}). */
    public List<Alert> at(UUID clinicId, boolean open, int limit) {
        return jdbc.sql("select * from course_safety_alert where clinic_id = ? and (resolved_at is null) = ? order by raised_at "
                        + (open ? "asc" : "desc") + " limit ?")
                .params(clinicId, open, limit)
                .query((rs, n) -> new Alert(rs.getObject("alert_id", UUID.class), rs.getObject("course_id", UUID.class),
                        rs.getObject("patient_id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("trigger"),
                        rs.getString("source"), rs.getTimestamp("raised_at").toInstant(),
                        rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant(),
                        rs.getString("disposition")))
                .list();
    }

    public record Alert(UUID alertId, UUID courseId, UUID patientId, UUID clinicId, String trigger, String source, Instant raisedAt,
            Instant resolvedAt, String disposition) {
    }
}
