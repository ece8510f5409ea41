package org.carecourse.scheduling.booking.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.carecourse.contracts.FieldLimits;
import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.capacity.DayCapacity;
import org.carecourse.scheduling.booking.capacity.TreatmentSpacing;
import org.carecourse.scheduling.booking.planning.BookingPlanner;
import org.carecourse.scheduling.booking.planning.Bookings;
import org.carecourse.scheduling.booking.planning.SeriesPlanner;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.security.StaffMember;
import org.carecourse.servicekit.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bookings at a clinic of the chain: one chair, one clinician's seat, one patient, one time, never twice. */
@RestController
class AppointmentController {

    private final CommandDispatch commands;
    private final BookingPlanner planner;
    private final AppointmentBook appointments;
    private final ReadAccess reads;
    private final Bookings bookings;
    private final SeriesPlanner seriesPlanner;
    private final Clock clock;

    AppointmentController(CommandDispatch commands, BookingPlanner planner, AppointmentBook appointments, ReadAccess reads,
            Bookings bookings, SeriesPlanner seriesPlanner, Clock clock) {
        this.seriesPlanner = seriesPlanner;
        this.commands = commands;
        this.planner = planner;
        this.appointments = appointments;
        this.reads = reads;
        this.bookings = bookings;
        this.clock = clock;
    }

    /**
     * Books an appointment of a type at the clinic from {@code startsAt}, for the type's length at
     * this clinic. A chair and a clinician may be named; otherwise the first free chair that serves
     * the type and the first clinician of its role on shift with a free seat are taken. Taken is
     * 409 ({@code chair-taken}, {@code staff-at-capacity}, {@code patient-double-booking}); an
     * admin may book past the first two with an {@code overrideReason}, kept with who gave it.
     */
    @PostMapping("/api/clinics/{clinicId}/appointments")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin')")
    ResponseEntity<AppointmentBook.Appointment> book(@PathVariable UUID clinicId, @Valid @RequestBody BookingBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        if (body.overrideReason() != null && !staff.has(org.carecourse.servicekit.security.StaffRole.ADMIN)) {
            throw new AccessDeniedException("only an admin books past a capacity rule");
        }
        String spacingOverride = strip(body.spacingOverrideReason());
        BookAppointmentCommand booking = planner.plan(planner.clinic(clinicId), new BookingPlanner.Wish(body.patientId(), body.type(),
                body.startsAt(), body.chairId(), body.staffId(), strip(body.overrideReason()), null, null, spacingOverride),
                clock.instant());
        Integer spacing = planner.spacingHours(booking, body.minimumSpacingHours(), spacingOverride(staff, spacingOverride));
        // A slot already taken is refused from the read model, without queueing for the clinic day's lock.
        if (booking.overrideReason() == null && planner.weigh(booking) instanceof DayCapacity.Refused refused) {
            throw refused.refusal().violation();
        }
        bookings.send(staff, clinicId, spacing, null, List.of(booking));
        return created(booking.appointmentId());
    }

    /** A reason to keep less than the plan's spacing counts only from a prescriber ({@link TreatmentSpacing} decides). */
    static TreatmentSpacing.Override spacingOverride(StaffMember staff, String reason) {
        return new TreatmentSpacing.Override(reason, staff.has(org.carecourse.servicekit.security.StaffRole.PRESCRIBER));
    }

    /**
     * Books a whole series as {@link SeriesPlanner} plans it, all in one transaction with the
     * series' record, so a race lost on any slot books none.
     */
    @PostMapping("/api/clinics/{clinicId}/appointment-series")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin')")
    ResponseEntity<List<AppointmentBook.Appointment>> bookSeries(@PathVariable UUID clinicId, @Valid @RequestBody SeriesBody body) {
        StaffMember staff = StaffMember.current();
        staff.requireClinic(clinicId);
        String spacingOverride = strip(body.spacingOverrideReason());
        SeriesPlanner.Planned planned = seriesPlanner.plan(clinicId, new SeriesPlanner.Request(body.patientId(), body.chairId(),
                body.type(), body.starts(), body.minimumSpacingHours(), body.windowDays(), spacingOverride,
                spacingOverride(staff, spacingOverride)), clock.instant());
        bookings.send(staff, clinicId, planned.spacingHours(), null, planned.commands());
        return ResponseEntity.status(201).body(planned.appointmentIds().stream().map(id -> appointments.find(id).orElseThrow()).toList());
    }

    private ResponseEntity<AppointmentBook.Appointment> created(UUID appointmentId) {
        return ResponseEntity.created(URI.create("/api/appointments/" + appointmentId))
                .body(appointments.find(appointmentId).orElseThrow());
    }

    @GetMapping("/api/appointments/{appointmentId}")
    @PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
    AppointmentBook.Appointment get(@PathVariable UUID appointmentId) {
        StaffMember staff = StaffMember.current();
        AppointmentBook.Appointment appointment = appointments.find(appointmentId)
                .orElseThrow(() -> new NotFoundException("no appointment " + appointmentId));
        reads.record(staff, new ReadAccess.Subject("appointment", appointmentId, appointment.patientId(), appointment.clinicId()), null);
        return appointment;
    }

    /** Absent, or with something besides white space. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    static String strip(String text) {
        return text == null ? null : text.strip();
    }

    record SeriesBody(@NotNull UUID patientId, UUID chairId, @NotNull AppointmentType type,
            @NotNull @Size(min = 2, max = 12) List<@NotNull Instant> starts, @Min(12) @Max(168) Integer minimumSpacingHours,
            @Min(1) @Max(42) Integer windowDays,
            @Size(max = FieldLimits.NOTE) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String spacingOverrideReason) {
    }

    record BookingBody(@NotNull UUID patientId, UUID chairId, UUID staffId, @NotNull AppointmentType type, @NotNull Instant startsAt,
            @Size(max = FieldLimits.NOTE) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String overrideReason,
            @Min(12) @Max(168) Integer minimumSpacingHours,
            @Size(max = FieldLimits.NOTE) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String spacingOverrideReason) {
    }
}
