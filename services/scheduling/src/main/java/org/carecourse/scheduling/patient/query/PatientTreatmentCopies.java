package org.carecourse.scheduling.patient.query;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scheduling's copy of the chain's patients (consultations' index, ids only), each patient's latest
 * eligibility decision and treatment courses, kept from consultations', screening's and treatment's events; an older fact arriving late (a replayed dead letter)
 * never replaces a newer one.
 */
@Component
public class PatientTreatmentCopies {

    private final JdbcClient jdbc;

    PatientTreatmentCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void keepDecision(UUID patientId, UUID decisionId, String modality, String outcome, LocalDate validUntil, Instant decidedAt) {
        jdbc.sql("""
                        insert into patient_eligibility (patient_id, decision_id, modality, outcome, valid_until, decided_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (patient_id) do update set decision_id = excluded.decision_id, modality = excluded.modality,
                            outcome = excluded.outcome, valid_until = excluded.valid_until, decided_at = excluded.decided_at
                        where patient_eligibility.decided_at <= excluded.decided_at""")
                .params(patientId, decisionId, modality, outcome, Date.valueOf(validUntil), Timestamp.from(decidedAt)).update();
    }

    /** A course opened, with its plan (the spacing may be unknown from an older producer). */
    public void keepCourse(UUID courseId, UUID patientId, UUID clinicId, String modality, Plan plan, Instant at) {
        jdbc.sql("""
                        insert into patient_course (course_id, patient_id, clinic_id, modality, open, changed_at, induction_count,
                            induction_window_days, minimum_spacing_hours) values (?, ?, ?, ?, true, ?, ?, ?, ?)
                        on conflict (course_id) do update set clinic_id = coalesce(excluded.clinic_id, patient_course.clinic_id),
                            open = excluded.open, changed_at = excluded.changed_at, induction_count = excluded.induction_count,
                            induction_window_days = excluded.induction_window_days,
                            minimum_spacing_hours = excluded.minimum_spacing_hours
                        where patient_course.changed_at <= excluded.changed_at""")
                .params(courseId, patientId, clinicId, modality, Timestamp.from(at), plan.inductionCount(), plan.windowDays(),
                        plan.minimumSpacingHours()).update();
    }

    /** A course moved or closed: what is known of it already is kept, the change applied if it is newer. */
    public void changeCourse(UUID courseId, UUID clinicId, Boolean open, Instant at) {
        jdbc.sql("""
                        update patient_course set clinic_id = coalesce(?, clinic_id), open = coalesce(?, open), changed_at = ?
                        where course_id = ? and changed_at <= ?""")
                .params(clinicId, open, Timestamp.from(at), courseId, Timestamp.from(at)).update();
    }

    /** Treatment held the course ({@code reason}) or, with null, lifted its hold; applied when newer than what is known. */
    public void holdCourse(UUID courseId, String reason, Instant at) {
        jdbc.sql("update patient_course set hold_reason = ?, changed_at = ? where course_id = ? and changed_at <= ?")
                .params(reason, Timestamp.from(at), courseId, Timestamp.from(at)).update();
    }

    /** A patient consultations registered in the chain's patient index (the first registration is kept). */
    public void keepPatient(UUID patientId, UUID homeClinicId, Instant registeredAt) {
        jdbc.sql("insert into known_patient (patient_id, home_clinic_id, registered_at) values (?, ?, ?) on conflict do nothing")
                .params(patientId, homeClinicId, Timestamp.from(registeredAt)).update();
    }

    public boolean isKnown(UUID patientId) {
        return jdbc.sql("select count(*) from known_patient where patient_id = ?").param(patientId).query(Long.class).single() > 0;
    }

    /** The patient's Spravato REMS enrolment, as treatment recorded it (the first one is kept). */
    public void keepRemsEnrolment(UUID patientId, UUID courseId, LocalDate enrolledOn) {
        jdbc.sql("insert into patient_rems_enrolment (patient_id, course_id, enrolled_on) values (?, ?, ?) on conflict do nothing")
                .params(patientId, courseId, Date.valueOf(enrolledOn)).update();
    }

    public boolean isRemsEnrolled(UUID patientId) {
        return jdbc.sql("select count(*) from patient_rems_enrolment where patient_id = ?").param(patientId).query(Long.class).single() > 0;
    }

    public Optional<Eligibility> eligibility(UUID patientId) {
        return jdbc.sql("select modality, outcome, valid_until from patient_eligibility where patient_id = ?").param(patientId)
                .query((rs, n) -> new Eligibility(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate())).optional();
    }

    /** The patient's open course of the modality (the latest opened, should there be more). */
    public Optional<Course> openCourse(UUID patientId, String modality) {
        return jdbc.sql("""
                        select course_id, induction_count, induction_window_days, minimum_spacing_hours, hold_reason from patient_course
                        where patient_id = ? and modality = ? and open order by changed_at desc limit 1""")
                .params(patientId, modality).query((rs, n) -> new Course(rs.getObject(1, UUID.class), new Plan(
                        (Integer) rs.getObject(2), (Integer) rs.getObject(3), (Integer) rs.getObject(4)), rs.getString(5))).optional();
    }

    /** The plan of a course scheduling has heard of. */
    public Optional<Plan> plan(UUID courseId) {
        return jdbc.sql("select induction_count, induction_window_days, minimum_spacing_hours from patient_course where course_id = ?")
                .param(courseId).query((rs, n) -> new Plan((Integer) rs.getObject(1), (Integer) rs.getObject(2),
                        (Integer) rs.getObject(3))).optional();
    }

    /** A course's induction: this many sessions within this many days, at least this many hours apart (each may be unknown). */
    public record Plan(Integer inductionCount, Integer windowDays, Integer minimumSpacingHours) {
    }

    /** {@code holdReason}: why treatment holds the course, null when it does not. */
    public record Course(UUID courseId, Plan plan, String holdReason) {
    }

    public record Eligibility(String modality, String outcome, LocalDate validUntil) {
    }
}
