package org.carecourse.scheduling.booking.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.scheduling.booking.api.AppointmentBookedEvent;
import org.carecourse.scheduling.booking.api.AppointmentEvents;
import org.carecourse.scheduling.booking.capacity.DayCapacity;
import org.carecourse.scheduling.booking.capacity.TreatmentSpacing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every booking, written in the booking's transaction: its exclusion constraints refuse, and so
 * roll back, a booking that overlaps another of the same chair or the same patient.
 */
@Component
@ProcessingGroup("scheduling-appointments")
public class AppointmentBook {

    private final JdbcClient jdbc;

    AppointmentBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Axon's {@code @Timestamp} is spelled out: {@code Timestamp} here is java.sql's. */
    @EventHandler
    void on(AppointmentBookedEvent event, @org.axonframework.eventhandling.Timestamp Instant bookedAt) {
        jdbc.sql("""
                        insert into appointment (appointment_id, clinic_id, chair_id, patient_id, type, status, during, booked_at,
                            clinic_day, chair_during, staff_id, staff_seat, course_id, series_id, override_reason, status_changed_at,
                            spacing_override_reason)
                        values (?, ?, ?, ?, ?, 'booked', tstzrange(?, ?, '[)'), ?, ?, tstzrange(?, ?, '[)'), ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.appointmentId(), event.clinicId(), event.chairId(), event.patientId(), event.type().code(),
                        Timestamp.from(event.startsAt()), Timestamp.from(event.endsAt()), Timestamp.from(bookedAt), event.clinicDay(),
                        Timestamp.from(event.startsAt()), Timestamp.from(event.chairFreeAt()), event.staffId(), event.staffSeat(),
                        event.courseId(), event.seriesId(), event.overrideReason(), Timestamp.from(bookedAt),
                        event.spacingOverrideReason())
                .update();
    }

    @EventHandler
    void on(AppointmentEvents.Cancelled event) {
        jdbc.sql("""
                        update appointment set status = 'cancelled', late = ?, status_changed_at = ?, cancel_reason = ?, cancelled_by = ?,
                            status_note = ? where appointment_id = ?""")
                .params(event.late(), Timestamp.from(event.at()), event.reason().code(), event.reason().cancelledBy(), event.note(),
                        event.appointmentId()).update();
    }

    @EventHandler
    void on(AppointmentEvents.Rescheduled event) {
        changeStatus(event.appointmentId(), "rescheduled", event.late(), event.newAppointmentId(), event.at());
    }

    @EventHandler
    void on(AppointmentEvents.CheckedIn event) {
        changeStatus(event.appointmentId(), "checked-in", false, null, event.at());
    }

    @EventHandler
    void on(AppointmentEvents.Completed event) {
        changeStatus(event.appointmentId(), "completed", false, null, event.at());
    }

    @EventHandler
    void on(AppointmentEvents.NoShowed event) {
        changeStatus(event.appointmentId(), "no-show", false, null, event.at());
    }

    private void changeStatus(UUID appointmentId, String status, boolean late, UUID replacedBy, Instant at) {
        jdbc.sql("update appointment set status = ?, late = ?, replaced_by = ?, status_changed_at = ? where appointment_id = ?")
                .params(status, late, replacedBy, Timestamp.from(at), appointmentId).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate appointment").update();
    }

    private static final String SELECT = """
            select a.appointment_id, a.clinic_id, a.chair_id, a.patient_id, a.type, a.status, lower(a.during) as starts_at,
                   upper(a.during) as ends_at, c.time_zone, a.staff_id, a.course_id, a.series_id, a.late, a.clinic_day,
                   a.replaced_by, a.override_reason is not null as overridden, ch.name as chair_name, a.cancel_reason, a.cancelled_by,
                   a.status_note, pc.hold_reason, a.spacing_override_reason is not null as spacing_overridden
            from appointment a join clinic c on c.clinic_id = a.clinic_id
                 left join chair ch on ch.chair_id = a.chair_id
                 left join patient_course pc on pc.course_id = a.course_id and a.status = 'booked'
            """;
    /** The statuses that hold an appointment's chair, clinician and patient (as the constraints count them). */
    private static final String HOLDS_ITS_TIME = "a.status in ('booked', 'checked-in', 'completed')";

    /** The appointment, its times as instants and on the clinic's clock (one statement: the zone is joined in). */
    public Optional<Appointment> find(UUID appointmentId) {
        return jdbc.sql(SELECT + "where a.appointment_id = ?").param(appointmentId).query(AppointmentBook::appointment).optional();
    }

    /** What holds its time on a clinic's day, as the capacity rules count it. */
    public List<DayCapacity.Held> heldOn(String clinicDay) {
        return jdbc.sql("""
                        select appointment_id, chair_id, staff_id, staff_seat, patient_id, lower(during), upper(during), upper(chair_during)
                        from appointment a where clinic_day = ?""" + " and " + HOLDS_ITS_TIME)
                .param(clinicDay).query((rs, n) -> new DayCapacity.Held(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getInt(4), rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant())).list();
    }

    /** The course's appointments still booked that start after {@code after}, at any clinic, earliest first. */
    public List<Appointment> bookedOfCourse(UUID courseId, Instant after) {
        return jdbc.sql(SELECT + "where a.course_id = ? and a.status = 'booked' and lower(a.during) > ? order by lower(a.during)")
                .params(courseId, Timestamp.from(after)).query(AppointmentBook::appointment).list();
    }

    /** The patient's appointments of the course in a status that start within {@code [from, to]}, earliest first. */
    public List<Appointment> ofCourse(UUID patientId, UUID courseId, String status, Instant from, Instant to) {
        return jdbc.sql(SELECT + "where a.patient_id = ? and a.course_id = ? and a.status = ? and lower(a.during) between ? and ?"
                + " order by lower(a.during)").params(patientId, courseId, status, Timestamp.from(from), Timestamp.from(to))
                .query(AppointmentBook::appointment).list();
    }

    /** The patient's appointments holding their time in {@code [from, to)}, at any clinic. */
    public List<Appointment> ofPatient(UUID patientId, Instant from, Instant to) {
        return jdbc.sql(SELECT + "where " + HOLDS_ITS_TIME + " and a.patient_id = ? and a.during && tstzrange(?, ?, '[)')"
                + " order by lower(a.during)").params(patientId, Timestamp.from(from), Timestamp.from(to))
                .query(AppointmentBook::appointment).list();
    }

    /**
     * The patient's appointments in {@code [from, to)} anywhere in the chain, as capacity counts
     * them for the patient alone (no chair or seat of the day they are weighed against).
     */
    public List<DayCapacity.Held> heldByPatient(UUID patientId, Instant from, Instant to) {
        return ofPatient(patientId, from, to).stream().map(a -> new DayCapacity.Held(a.appointmentId(), a.chairId(), a.staffId(), -1,
                a.patientId(), a.startsAt(), a.endsAt(), a.startsAt())).toList();
    }

    /**
     * The patient's treatment appointments of these types holding their time with a start in
     * {@code [from, to]}, at any clinic: what {@link TreatmentSpacing} keeps a new one apart from.
     */
    public List<TreatmentSpacing.Live> liveTreatments(UUID patientId, List<String> types, Instant from, Instant to) {
        return jdbc.sql("select a.appointment_id, a.clinic_id, lower(a.during) from appointment a where a.patient_id = :patient and "
                        + HOLDS_ITS_TIME + " and a.type in (:types) and lower(a.during) between :from and :to order by lower(a.during)")
                .param("patient", patientId).param("types", types).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new TreatmentSpacing.Live(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant())).list();
    }

    private static Appointment appointment(ResultSet rs, int n) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString(9));
        Instant startsAt = rs.getTimestamp(7).toInstant();
        Instant endsAt = rs.getTimestamp(8).toInstant();
        return new Appointment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), startsAt, endsAt,
                LocalDateTime.ofInstant(startsAt, zone), LocalDateTime.ofInstant(endsAt, zone), zone.getId(),
                rs.getObject(10, UUID.class), rs.getObject(11, UUID.class), rs.getObject(12, UUID.class), rs.getBoolean(13),
                rs.getString(14), rs.getObject(15, UUID.class), rs.getBoolean(16), rs.getString(17), rs.getString(18), rs.getString(19),
                rs.getString(20), rs.getString(21), rs.getBoolean(22));
    }

    /**
     * {@code startsAt}/{@code endsAt} are instants; {@code localStart}/{@code localEnd} the same
     * times on the clinic's clock in {@code zone} (DST-safe: derived from the instant, never stored).
     * {@code late}: cancelled or rescheduled within the clinic's notice period; {@code replacedBy}:
     * the appointment a rescheduled one moved to; {@code cancelReason}, {@code cancelledBy}
     * ({@code patient} or {@code clinic}) and {@code note}: why a cancelled one was; {@code courseHold}:
     * why treatment holds the course of a booked one (the front desk calls the patient).
     */
    public record Appointment(UUID appointmentId, UUID clinicId, UUID chairId, UUID patientId, String type, String status,
            Instant startsAt, Instant endsAt, LocalDateTime localStart, LocalDateTime localEnd, String zone, UUID staffId,
            UUID courseId, UUID seriesId, boolean late, String clinicDay, UUID replacedBy, boolean overridden, String chairName,
            String cancelReason, String cancelledBy, String note, String courseHold, boolean spacingOverridden) {
    }

    /** One page of a listing, {@code total} across all pages. */
    public record Page(List<Appointment> items, int page, int size, long total) {
    }

    /** A clinic's appointments on one of its days, in every status, by start and chair. */
    public Page onClinicDay(String clinicDay, int page, int size) {
        return page("where a.clinic_day = ?", "lower(a.during), ch.name, a.appointment_id", page, size, clinicDay);
    }

    /**
     * What the front desk calls patients about: the clinic's appointments from {@code from} on that
     * treatment's facts changed — released because their course closed, or still booked on a course
     * on hold — by start.
     */
    public Page toCallAbout(UUID clinicId, Instant from, int page, int size) {
        return page("""
                where a.clinic_id = ? and lower(a.during) >= ?
                  and ((a.status = 'cancelled' and a.cancel_reason = 'course-closed') or pc.hold_reason is not null)
                """, "lower(a.during), a.appointment_id", page, size, clinicId, Timestamp.from(from));
    }

    /** The patient's appointments starting in {@code [from, to)} at every clinic of the chain, in every status, by start. */
    public Page ofPatient(UUID patientId, Instant from, Instant to, int page, int size) {
        return page("where a.patient_id = ? and lower(a.during) >= ? and lower(a.during) < ?", "lower(a.during), a.appointment_id", page,
                size, patientId, Timestamp.from(from), Timestamp.from(to));
    }

    /** The appointments matching {@code where} (over {@code SELECT}'s aliases): one page in {@code order}, and how many in all. */
    private Page page(String where, String order, int page, int size, Object... params) {
        long total = jdbc.sql("select count(*) from (" + SELECT + where + ") matching").params(params).query(Long.class).single();
        List<Object> paged = new java.util.ArrayList<>(List.of(params));
        paged.add(size);
        paged.add((long) page * size);
        List<Appointment> items = jdbc.sql(SELECT + where + " order by " + order + " limit ? offset ?").params(paged)
                .query(AppointmentBook::appointment).list();
        return new Page(items, page, size, total);
    }
}
