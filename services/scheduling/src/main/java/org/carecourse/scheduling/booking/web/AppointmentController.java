package org.carecourse.scheduling.booking.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.carecourse.scheduling.booking.api.AppointmentType;
import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.api.ChairDays;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.clinic.query.ChairDirectory;
import org.carecourse.scheduling.clinic.query.ClinicHours;
import org.carecourse.scheduling.clinic.query.ClinicDirectoryProjection;
import org.carecourse.scheduling.clinic.query.ClinicView;
import org.carecourse.servicekit.audit.ReadAuditLog;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bookings at a clinic of the chain: one chair, one patient, one time, never twice. */
@RestController
class AppointmentController {

    private final CommandDispatch commands;
    private final ClinicDirectoryProjection clinics;
    private final ChairDirectory chairs;
    private final AppointmentBook appointments;
    private final ReadAuditLog readAudit;
    private final BookingGates gates;
    private final ClinicHours hours;

    AppointmentController(CommandDispatch commands, ClinicDirectoryProjection clinics, ChairDirectory chairs,
            AppointmentBook appointments, ReadAuditLog readAudit, BookingGates gates, ClinicHours hours) {
        this.commands = commands;
        this.clinics = clinics;
        this.chairs = chairs;
        this.appointments = appointments;
        this.readAudit = readAudit;
        this.gates = gates;
        this.hours = hours;
    }

    /**
     * Books a chair of the clinic for a patient from {@code startsAt} for {@code minutes}. The chair
     * must serve the appointment's type; the booking stays within one day of the clinic's calendar;
     * it lies within the clinic's opening hours on its clock (when they are set) and not on a closed
     * date; a treatment appointment passes the gates of {@link BookingGates}.
     * A chair or a patient already booked at that time is 409 ({@code chair-taken},
     * {@code patient-double-booking}).
     */
    @PostMapping("/api/clinics/{clinicId}/appointments")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin')")
    ResponseEntity<AppointmentBook.Appointment> book(@PathVariable UUID clinicId, @Valid @RequestBody BookingBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        ClinicView clinic = clinics.find(clinicId).orElseThrow(() -> new NotFoundException("no clinic " + clinicId));
        ChairDirectory.Chair chair = chairs.find(body.chairId()).filter(c -> c.clinicId().equals(clinicId))
                .orElseThrow(() -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "unknown-chair",
                        "clinic " + clinicId + " has no chair " + body.chairId()));
        if (!chair.capabilities().contains(body.type().needs())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "chair-capability", "a " + body.type().code() + " appointment needs a "
                    + body.type().needs().code() + " chair or room; " + chair.name() + " is not one");
        }
        Instant endsAt = body.startsAt().plus(Duration.ofMinutes(body.minutes()));
        ZoneId zone = ZoneId.of(clinic.timeZone());
        LocalDate day = body.startsAt().atZone(zone).toLocalDate();
        if (!endsAt.minusNanos(1).atZone(zone).toLocalDate().equals(day)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "crosses-midnight", "an appointment ends on the clinic's day it starts");
        }
        hours.of(clinicId).ifPresent(opening -> {
            if (opening.closures().contains(day)) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "clinic-closed", clinic.name() + " is closed on " + day);
            }
            if (!opening.covers(day, body.startsAt().atZone(zone).toLocalTime(), endsAt.atZone(zone).toLocalTime())) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "outside-opening-hours", "the appointment is outside "
                        + clinic.name() + "'s hours on " + day.getDayOfWeek() + " (" + zone + ")");
            }
        });
        gates.require(body.patientId(), body.type(), day);
        UUID appointmentId = UUID.randomUUID();
        commands.sendAs(staff, clinicId, null, new BookAppointmentCommand(ChairDays.id(chair.chairId(), day), appointmentId, clinicId,
                chair.chairId(), body.patientId(), body.type(), body.startsAt(), endsAt));
        return ResponseEntity.created(URI.create("/api/appointments/" + appointmentId)).body(appointments.find(appointmentId).orElseThrow());
    }

    @GetMapping("/api/appointments/{appointmentId}")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
    AppointmentBook.Appointment get(@PathVariable UUID appointmentId) {
        StaffMember staff = StaffMember.current();
        AppointmentBook.Appointment appointment = appointments.find(appointmentId)
                .orElseThrow(() -> new NotFoundException("no appointment " + appointmentId));
        staff.requireReadable(appointment.clinicId());
        readAudit.record(staff, "appointment", appointmentId, appointment.patientId(), appointment.clinicId(), null);
        return appointment;
    }

    record BookingBody(@NotNull UUID patientId, @NotNull UUID chairId, @NotNull AppointmentType type, @NotNull Instant startsAt,
            @Min(15) @Max(480) int minutes) {
    }
}
