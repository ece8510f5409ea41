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
                        insert into appointment (appointment_id, clinic_id, chair_id, patient_id, type, status, during, booked_at)
                        values (?, ?, ?, ?, ?, 'booked', tstzrange(?, ?, '[)'), ?)""")
                .params(event.appointmentId(), event.clinicId(), event.chairId(), event.patientId(), event.type().code(),
                        Timestamp.from(event.startsAt()), Timestamp.from(event.endsAt()), Timestamp.from(bookedAt))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate appointment").update();
    }

    /** The appointment, its times as instants and on the clinic's clock (one statement: the zone is joined in). */
    public Optional<Appointment> find(UUID appointmentId) {
        return jdbc.sql("""
                        select a.appointment_id, a.clinic_id, a.chair_id, a.patient_id, a.type, a.status, lower(a.during) as starts_at,
                               upper(a.during) as ends_at, c.time_zone
                        from appointment a join clinic c on c.clinic_id = a.clinic_id where a.appointment_id = ?""")
                .param(appointmentId).query(AppointmentBook::appointment).optional();
    }

    /** Live bookings of the chair, or of the patient anywhere, overlapping {@code [from, to)}. */
    public List<Appointment> overlapping(UUID chairId, UUID patientId, Instant from, Instant to) {
        return jdbc.sql("""
                        select a.appointment_id, a.clinic_id, a.chair_id, a.patient_id, a.type, a.status, lower(a.during) as starts_at,
                               upper(a.during) as ends_at, c.time_zone
                        from appointment a join clinic c on c.clinic_id = a.clinic_id
                        where a.status = 'booked' and (a.chair_id = ? or a.patient_id = ?) and a.during && tstzrange(?, ?, '[)')
                        order by lower(a.during)""")
                .params(chairId, patientId, Timestamp.from(from), Timestamp.from(to)).query(AppointmentBook::appointment).list();
    }

    private static Appointment appointment(ResultSet rs, int n) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString(9));
        Instant startsAt = rs.getTimestamp(7).toInstant();
        Instant endsAt = rs.getTimestamp(8).toInstant();
        return new Appointment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), startsAt, endsAt,
                LocalDateTime.ofInstant(startsAt, zone), LocalDateTime.ofInstant(endsAt, zone), zone.getId());
    }

    /**
     * {@code startsAt}/{@code endsAt} are instants; {@code localStart}/{@code localEnd} the same
     * times on the clinic's clock in {@code zone} (DST-safe: derived from the instant, never stored).
     */
    public record Appointment(UUID appointmentId, UUID clinicId, UUID chairId, UUID patientId, String type, String status,
            Instant startsAt, Instant endsAt, LocalDateTime localStart, LocalDateTime localEnd, String zone) {
    }
}
