package org.carecourse.scheduling.booking.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.carecourse.scheduling.booking.api.AppointmentType;
import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.api.ChairDays;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.clinic.query.ChairDirectory;
import org.carecourse.scheduling.clinic.query.ClinicDirectoryProjection;
import org.carecourse.scheduling.clinic.query.ClinicHours;
import org.carecourse.scheduling.clinic.query.ClinicView;
import org.carecourse.servicekit.audit.ReadAuditLog;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
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
    private final TransactionTemplate transactions;

    AppointmentController(CommandDispatch commands, ClinicDirectoryProjection clinics, ChairDirectory chairs,
            AppointmentBook appointments, ReadAuditLog readAudit, BookingGates gates, ClinicHours hours,
            TransactionTemplate transactions) {
        this.commands = commands;
        this.clinics = clinics;
        this.chairs = chairs;
        this.appointments = appointments;
        this.readAudit = readAudit;
        this.gates = gates;
        this.hours = hours;
        this.transactions = transactions;
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
        BookAppointmentCommand booking = slot(clinicId, body.patientId(), body.chairId(), body.type(), body.startsAt(), body.minutes());
        commands.sendAs(staff, clinicId, null, booking);
        return ResponseEntity.created(URI.create("/api/appointments/" + booking.appointmentId()))
                .body(appointments.find(booking.appointmentId()).orElseThrow());
    }

    /**
     * Books a whole series atomically (e.g. an induction: 6 infusions within 21 days, at least 24 h
     * apart): every slot is checked first and every conflict is named (409 {@code series-conflicts});
     * then all are booked in one transaction, so a race lost on any slot books none.
     */
    @PostMapping("/api/clinics/{clinicId}/appointment-series")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin')")
    ResponseEntity<List<AppointmentBook.Appointment>> bookSeries(@PathVariable UUID clinicId, @Valid @RequestBody SeriesBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        List<Instant> starts = body.starts().stream().sorted().toList();
        Duration spacing = Duration.ofHours(body.minimumSpacingHours());
        for (int i = 1; i < starts.size(); i++) {
            if (Duration.between(starts.get(i - 1), starts.get(i)).compareTo(spacing) < 0) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-spacing", starts.get(i - 1) + " and " + starts.get(i)
                        + " are less than " + spacing.toHours() + " h apart");
            }
        }
        if (Duration.between(starts.get(0), starts.get(starts.size() - 1)).compareTo(Duration.ofDays(body.windowDays())) > 0) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "series-window", "the series runs past its " + body.windowDays()
                    + "-day window");
        }
        List<BookAppointmentCommand> bookings = starts.stream()
                .map(start -> slot(clinicId, body.patientId(), body.chairId(), body.type(), start, body.minutes())).toList();
        List<Map<String, Object>> conflicts = bookings.stream().flatMap(b -> appointments.overlapping(b.chairId(), b.patientId(),
                b.startsAt(), b.endsAt()).stream().map(other -> Map.<String, Object>of("startsAt", b.startsAt().toString(),
                        "conflictsWith", other.appointmentId().toString(), "on", other.chairId().equals(b.chairId()) ? "chair" : "patient")))
                .toList();
        if (!conflicts.isEmpty()) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "series-conflicts", conflicts.size() + " slot(s) of the series are taken;"
                    + " nothing was booked", Map.of("conflicts", conflicts));
        }
        transactions.executeWithoutResult(status -> bookings.forEach(booking -> commands.sendAs(staff, clinicId, null, booking)));
        return ResponseEntity.status(201).body(bookings.stream().map(b -> appointments.find(b.appointmentId()).orElseThrow()).toList());
    }

    /** One slot as a booking command, once every rule that needs no other booking holds. */
    private BookAppointmentCommand slot(UUID clinicId, UUID patientId, UUID chairId, AppointmentType type, Instant startsAt,
            int minutes) {
        ClinicView clinic = clinics.find(clinicId).orElseThrow(() -> new NotFoundException("no clinic " + clinicId));
        ChairDirectory.Chair chair = chairs.find(chairId).filter(c -> c.clinicId().equals(clinicId))
                .orElseThrow(() -> new BusinessRuleViolation(Kind.UNPROCESSABLE, "unknown-chair",
                        "clinic " + clinicId + " has no chair " + chairId));
        if (!chair.capabilities().contains(type.needs())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "chair-capability", "a " + type.code() + " appointment needs a "
                    + type.needs().code() + " chair or room; " + chair.name() + " is not one");
        }
        Instant endsAt = startsAt.plus(Duration.ofMinutes(minutes));
        ZoneId zone = ZoneId.of(clinic.timeZone());
        LocalDate day = startsAt.atZone(zone).toLocalDate();
        if (!endsAt.minusNanos(1).atZone(zone).toLocalDate().equals(day)) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "crosses-midnight", "an appointment ends on the clinic's day it starts");
        }
        hours.of(clinicId).ifPresent(opening -> {
            if (opening.closures().contains(day)) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "clinic-closed", clinic.name() + " is closed on " + day);
            }
            if (!opening.covers(day, startsAt.atZone(zone).toLocalTime(), endsAt.atZone(zone).toLocalTime())) {
                throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "outside-opening-hours", "the appointment at " + startsAt
                        + " is outside " + clinic.name() + "'s hours on " + day.getDayOfWeek() + " (" + zone + ")");
            }
        });
        gates.require(patientId, type, day);
        return new BookAppointmentCommand(ChairDays.id(chair.chairId(), day), UUID.randomUUID(), clinicId, chair.chairId(), patientId,
                type, startsAt, endsAt);
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

    record SeriesBody(@NotNull UUID patientId, @NotNull UUID chairId, @NotNull AppointmentType type,
            @NotNull @Size(min = 2, max = 12) List<@NotNull Instant> starts, @Min(15) @Max(480) int minutes,
            @Min(12) @Max(168) int minimumSpacingHours, @Min(1) @Max(42) int windowDays) {
    }

    record BookingBody(@NotNull UUID patientId, @NotNull UUID chairId, @NotNull AppointmentType type, @NotNull Instant startsAt,
            @Min(15) @Max(480) int minutes) {
    }
}
