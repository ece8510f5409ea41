package org.carecourse.scheduling.booking.query;

import java.sql.Timestamp;
import java.time.Instant;
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

    public Optional<Appointment> find(UUID appointmentId) {
        return jdbc.sql("""
                        select appointment_id, clinic_id, chair_id, patient_id, type, status, lower(during) as starts_at,
                               upper(during) as ends_at from appointment where appointment_id = ?""")
                .param(appointmentId)
                .query((rs, n) -> new Appointment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant()))
                .optional();
    }

    public record Appointment(UUID appointmentId, UUID clinicId, UUID chairId, UUID patientId, String type, String status,
            Instant startsAt, Instant endsAt) {
    }
}
