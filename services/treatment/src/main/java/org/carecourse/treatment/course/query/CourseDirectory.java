package org.carecourse.treatment.course.query;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.CourseTransferredEvent;
import org.carecourse.treatment.course.api.PhaseChangedEvent;
import org.carecourse.treatment.course.api.RemsFormDueEvent;
import org.carecourse.treatment.course.api.RemsFormSubmittedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which courses exist, where they are and have been, and which REMS forms are owed. Kept in the
 * command's transaction (subscribing processor) so access checks see a course at once.
 */
@Component
@ProcessingGroup("treatment-courses")
public class CourseDirectory {

    /**
     * One statement, clinics aggregated in it: a second query from inside the row mapper would
     * take a second pooled connection while the first is held, and under load every request
     * would hold one and wait for another.
     */
    private static final String SUMMARY = """
            select c.*, array(select cc.clinic_id from course_clinic cc where cc.course_id = c.course_id) as visited
            from treatment_course c
            """;

    private final JdbcClient jdbc;

    CourseDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CourseOpenedEvent event) {
        jdbc.sql("""
                        insert into treatment_course (course_id, patient_id, clinic_id, modality, phase, opened_at)
                        values (?, ?, ?, ?, 'induction', ?) on conflict do nothing""")
                .params(event.courseId(), event.patientId(), event.clinicId(), event.modality().code(),
                        Timestamp.from(event.openedAt()))
                .update();
        addClinic(event.courseId(), event.clinicId());
    }

    @EventHandler
    void on(CourseTransferredEvent event) {
        jdbc.sql("update treatment_course set clinic_id = ? where course_id = ?").params(event.toClinicId(), event.courseId()).update();
        addClinic(event.courseId(), event.toClinicId());
    }

    @EventHandler
    void on(PhaseChangedEvent event) {
        jdbc.sql("update treatment_course set phase = ? where course_id = ?").params(event.to().code(), event.courseId()).update();
    }

    @EventHandler
    void on(RemsFormDueEvent event) {
        jdbc.sql("insert into rems_form (session_id, course_id, clinic_id, due_by) values (?, ?, ?, ?) on conflict do nothing")
                .params(event.sessionId(), event.courseId(), event.clinicId(), Timestamp.from(event.dueBy())).update();
    }

    @EventHandler
    void on(RemsFormSubmittedEvent event) {
        jdbc.sql("update rems_form set submitted_at = ?, late = ? where session_id = ?")
                .params(Timestamp.from(event.submittedAt()), event.late(), event.sessionId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate treatment_course, course_clinic, rems_form").update();
    }

    private void addClinic(UUID courseId, UUID clinicId) {
        jdbc.sql("insert into course_clinic (course_id, clinic_id) values (?, ?) on conflict do nothing")
                .params(courseId, clinicId).update();
    }

    public Optional<CourseSummary> find(UUID courseId) {
        return jdbc.sql(SUMMARY + "where c.course_id = ?").param(courseId).query(CourseDirectory::summary).optional();
    }

    /** A patient's courses, newest first (at most {@code limit}), each with the clinics it has been at. */
    public List<CourseSummary> coursesOf(UUID patientId, int limit) {
        return jdbc.sql(SUMMARY + "where c.patient_id = ? order by c.opened_at desc limit ?").params(patientId, limit)
                .query(CourseDirectory::summary).list();
    }

    private static CourseSummary summary(ResultSet rs, int n) throws SQLException {
        return new CourseSummary(rs.getObject("course_id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("clinic_id", UUID.class), rs.getString("modality"), rs.getString("phase"),
                rs.getTimestamp("opened_at").toInstant(), uuids(rs.getArray("visited")));
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).collect(Collectors.toUnmodifiableSet());
    }

    /** Every course that has been at one of the clinics. */
    public List<String> coursesAt(Set<UUID> clinics) {
        if (clinics.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct course_id from course_clinic where clinic_id in (:clinics) order by course_id")
                .param("clinics", clinics).query(String.class).list();
    }

    /** The open courses of a patient, which facts from other services are added to. */
    public List<UUID> openCoursesOf(UUID patientId) {
        return jdbc.sql("""
                        select course_id from treatment_course
                        where patient_id = ? and phase in ('induction', 'maintenance', 're-induction')""")
                .param(patientId).query(UUID.class).list();
    }

    /** REMS forms past due and not submitted, at a clinic. */
    public List<OverdueRemsForm> overdueRemsForms(UUID clinicId, Instant now) {
        return jdbc.sql("""
                        select session_id, course_id, clinic_id, due_by from rems_form
                        where clinic_id = ? and submitted_at is null and due_by < ? order by due_by""")
                .params(clinicId, Timestamp.from(now))
                .query((rs, n) -> new OverdueRemsForm(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant()))
                .list();
    }

    public record CourseSummary(UUID courseId, UUID patientId, UUID clinicId, String modality, String phase,
            Instant openedAt, Set<UUID> clinicsVisited) {
    }

    public record OverdueRemsForm(UUID sessionId, UUID courseId, UUID clinicId, Instant dueBy) {
    }
}
