package org.carecourse.scheduling.booking.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.scheduling.booking.api.AppointmentCommands;
import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.api.CancelReason;
import org.carecourse.scheduling.booking.capacity.TreatmentSpacing;
import org.carecourse.scheduling.booking.planning.BookingPlanner;
import org.carecourse.scheduling.booking.planning.Bookings;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.clinic.query.ClinicPolicies;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happens to a booked appointment at its clinic: moved, cancelled (late within the clinic's
 * notice period), checked in, completed. A no-show is nobody's step: the appointment's deadline
 * records it when no check-in came within the clinic's grace period.
 */
@RestController
@PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin')")
class AppointmentStepsController {

    private final CommandDispatch commands;
    private final AppointmentBook appointments;
    private final ClinicPolicies policies;
    private final BookingPlanner planner;
    private final Bookings bookings;
    private final Clock clock;

    AppointmentStepsController(CommandDispatch commands, AppointmentBook appointments, ClinicPolicies policies, BookingPlanner planner,
            Bookings bookings, Clock clock) {
        this.commands = commands;
        this.appointments = appointments;
        this.policies = policies;
        this.planner = planner;
        this.bookings = bookings;
        this.clock = clock;
    }

    @PostMapping("/api/appointments/{appointmentId}/cancellation")
    AppointmentBook.Appointment cancel(@PathVariable UUID appointmentId, @Valid @RequestBody CancellationBody body) {
        if (body.reason() == CancelReason.COURSE_CLOSED) {
            throw new InvalidFieldException("reason", "course-closed is given by scheduling itself when treatment closes the course");
        }
        AppointmentBook.Appointment appointment = atOwnClinic(appointmentId);
        send(appointment, new AppointmentCommands.Cancel(appointment.clinicDay(), appointmentId, body.reason(),
                AppointmentController.strip(body.note()), policies.of(appointment.clinicId()).lateCancelNoticeHours(), clock.instant()));
        return appointments.find(appointmentId).orElseThrow();
    }

    /**
     * Moves the appointment to a new start at its clinic: the new one is booked by every rule a
     * booking meets, in the same transaction as the old one gives up its time, so a refused move
     * leaves the old appointment as it was. Answers the new appointment.
     */
    @PostMapping("/api/appointments/{appointmentId}/rescheduling")
    ResponseEntity<AppointmentBook.Appointment> reschedule(@PathVariable UUID appointmentId, @Valid @RequestBody RescheduleBody body) {
        AppointmentBook.Appointment appointment = atOwnClinic(appointmentId);
        Instant now = clock.instant();
        BookingPlanner.Clinic clinic = planner.clinic(appointment.clinicId());
        BookAppointmentCommand booking = planner.plan(clinic, new BookingPlanner.Wish(appointment.patientId(),
                AppointmentType.fromCode(appointment.type()), body.startsAt(), body.chairId(), body.staffId(), null, appointment.seriesId(),
                appointmentId, null), now);
        bookings.send(StaffMember.current(), appointment.clinicId(), planner.spacingHours(booking, null, TreatmentSpacing.Override.NONE),
                appointmentId, List.of(new AppointmentCommands.Reschedule(appointment.clinicDay(), appointmentId, booking.appointmentId(),
                        booking.startsAt(), clinic.policy().lateCancelNoticeHours(), now), booking));
        return ResponseEntity.created(URI.create("/api/appointments/" + booking.appointmentId()))
                .body(appointments.find(booking.appointmentId()).orElseThrow());
    }

    @PostMapping("/api/appointments/{appointmentId}/check-in")
    AppointmentBook.Appointment checkIn(@PathVariable UUID appointmentId) {
        AppointmentBook.Appointment appointment = atOwnClinic(appointmentId);
        send(appointment, new AppointmentCommands.CheckIn(appointment.clinicDay(), appointmentId, clock.instant()));
        return appointments.find(appointmentId).orElseThrow();
    }

    @PostMapping("/api/appointments/{appointmentId}/completion")
    AppointmentBook.Appointment complete(@PathVariable UUID appointmentId) {
        AppointmentBook.Appointment appointment = atOwnClinic(appointmentId);
        send(appointment, new AppointmentCommands.Complete(appointment.clinicDay(), appointmentId, clock.instant()));
        return appointments.find(appointmentId).orElseThrow();
    }

    private AppointmentBook.Appointment atOwnClinic(UUID appointmentId) {
        AppointmentBook.Appointment appointment = appointments.find(appointmentId)
                .orElseThrow(() -> new NotFoundException("no appointment " + appointmentId));
        StaffMember.current().requireClinic(appointment.clinicId());
        return appointment;
    }

    private void send(AppointmentBook.Appointment appointment, Object command) {
        commands.sendAs(StaffMember.current(), appointment.clinicId(), command);
    }

    record CancellationBody(@NotNull CancelReason reason,
            @Size(max = FieldLimits.NOTE) @Pattern(regexp = AppointmentController.NOT_BLANK, message = "must not be blank") String note) {
    }

    record RescheduleBody(@NotNull Instant startsAt, UUID chairId, UUID staffId) {
    }
}
