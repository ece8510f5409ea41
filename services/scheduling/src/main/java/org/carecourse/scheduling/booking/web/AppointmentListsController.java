package org.carecourse.scheduling.booking.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.carecourse.scheduling.booking.api.ClinicDays;
import org.carecourse.scheduling.booking.planning.BookingPlanner;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.servicekit.audit.ReadAccess;
import org.carecourse.servicekit.domain.InvalidFieldException;
import org.carecourse.servicekit.security.StaffMember;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the front desk reads to run the day: a clinic's appointments on one of its days (chair,
 * type, status, patient, why a cancelled one was, whether the course is on hold) and a patient's
 * appointments at every clinic of the chain. Both paged, both recorded as reads of patient data.
 */
@RestController
@PreAuthorize("hasAnyRole('front-desk', 'nurse', 'prescriber', 'admin', 'auditor')")
class AppointmentListsController {

    /** The longest span of a patient's appointments read at once. */
    static final Duration LONGEST_PATIENT_RANGE = Duration.ofDays(731);

    private final AppointmentBook appointments;
    private final BookingPlanner planner;
    private final ReadAccess reads;
    private final Clock clock;

    AppointmentListsController(AppointmentBook appointments, BookingPlanner planner, ReadAccess reads, Clock clock) {
        this.appointments = appointments;
        this.planner = planner;
        this.reads = reads;
        this.clock = clock;
    }

    /** The clinic's day ({@code date} on its own calendar), every appointment in every status, by start and chair. */
    @GetMapping("/api/clinics/{clinicId}/appointments")
    AppointmentBook.Page clinicDay(@PathVariable UUID clinicId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        StaffMember staff = StaffMember.current();
        planner.clinic(clinicId);
        AppointmentBook.Page day = appointments.onClinicDay(ClinicDays.id(clinicId, date), page, size);
        reads.clinicListNaming(staff, "clinic-day-appointments", clinicId, day.items().stream()
                .map(AppointmentBook.Appointment::patientId).toList());
        return day;
    }

    /**
     * The clinic's coming appointments the front desk should call the patient about, because
     * treatment changed their course: released when it closed ({@code course-closed}), or booked on
     * a course on hold ({@code courseHold}).
     */
    @GetMapping("/api/clinics/{clinicId}/appointments-to-call")
    AppointmentBook.Page toCall(@PathVariable UUID clinicId, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        StaffMember staff = StaffMember.current();
        planner.clinic(clinicId);
        AppointmentBook.Page listed = appointments.toCallAbout(clinicId, clock.instant(), page, size);
        reads.clinicListNaming(staff, "appointments-to-call", clinicId, listed.items().stream()
                .map(AppointmentBook.Appointment::patientId).toList());
        return listed;
    }

    /**
     * The patient's appointments at every clinic, starting in {@code [from, to)} (by default the last
     * 30 days and the next year), by start.
     */
    @GetMapping("/api/patients/{patientId}/appointments")
    AppointmentBook.Page ofPatient(@PathVariable UUID patientId, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        StaffMember staff = StaffMember.current();
        Instant now = clock.instant();
        Instant start = from != null ? from : now.minus(Duration.ofDays(30));
        Instant end = to != null ? to : start.plus(Duration.ofDays(395));
        if (!end.isAfter(start)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST_PATIENT_RANGE) > 0) {
            throw new InvalidFieldException("to", "at most " + LONGEST_PATIENT_RANGE.toDays() + " days after from");
        }
        AppointmentBook.Page listed = appointments.ofPatient(patientId, start, end, page, size);
        reads.scoped(staff, ReadAccess.Subject.patient("patient-appointments", patientId, null), null);
        return listed;
    }
}
