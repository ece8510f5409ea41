package org.carecourse.scheduling.booking.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import org.carecourse.contracts.Actor;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.scheduling.SchedulingApplication;
import org.carecourse.scheduling.booking.api.AppointmentCommands;
import org.carecourse.scheduling.booking.api.CancelReason;
import org.carecourse.scheduling.booking.query.AppointmentBook;
import org.carecourse.scheduling.clinic.query.ClinicPolicies;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.springframework.stereotype.Component;

/**
 * What treatment's facts do to a course's appointments, so the book never disagrees with the chair:
 * a closed course gives up its future appointments, a session started checks its appointment in and
 * its end completes it. Each acts only on appointments still in the status it changes, so a
 * redelivered fact finds nothing left to do.
 */
@Component
public class CourseAppointments {

    /** Check-in opens before the start (the clinic day's rule); a session may start until the appointment's end. */
    static final Duration CHECK_IN_OPENS = AppointmentCommands.CheckIn.OPENS_BEFORE_START;
    /** The longest a session runs from its appointment's start to its discharge. */
    static final Duration LONGEST_SESSION = Duration.ofHours(12);

    private final AppointmentBook appointments;
    private final ClinicPolicies policies;
    private final CommandDispatch commands;

    CourseAppointments(AppointmentBook appointments, ClinicPolicies policies, CommandDispatch commands) {
        this.appointments = appointments;
        this.policies = policies;
        this.commands = commands;
    }

    /**
     * Treatment closed or discontinued the course: each of its appointments still booked after the
     * fact is cancelled by the clinic ({@code course-closed}: no fee, the slot offered to the
     * waitlist), the outcome in the note the front desk reads.
     */
    public void release(IntegrationEvent<?> cause, UUID courseId, String outcome) {
        for (AppointmentBook.Appointment booked : appointments.bookedOfCourse(courseId, cause.occurredAt())) {
            commands.sendFor(cause, Actor.system(SchedulingApplication.NAME), booked.clinicId(), new AppointmentCommands.Cancel(
                    booked.clinicDay(), booked.appointmentId(), CancelReason.COURSE_CLOSED, "the course was closed: " + outcome,
                    policies.of(booked.clinicId()).lateCancelNoticeHours(), cause.occurredAt()));
        }
    }

    /**
     * A session of the course started at a clinic: the patient is there, so the booked appointment
     * it serves is checked in (the one at that clinic whose check-in window, from its opening
     * before the start to the appointment's end, holds the session's start; the nearest start if several).
     */
    public void sessionStarted(IntegrationEvent<?> cause, UUID patientId, UUID clinicId, UUID courseId, Instant startedAt) {
        appointments.ofCourse(patientId, courseId, "booked", startedAt.minus(LONGEST_SESSION), startedAt.plus(CHECK_IN_OPENS)).stream()
                .filter(a -> a.clinicId().equals(clinicId) && a.endsAt().isAfter(startedAt))
                .min(Comparator.comparing(a -> Duration.between(a.startsAt(), startedAt).abs()))
                .ifPresent(served -> commands.sendFor(cause, Actor.system(SchedulingApplication.NAME), clinicId,
                        new AppointmentCommands.CheckIn(served.clinicDay(), served.appointmentId(), startedAt)));
    }

    /** The session ended (discharged or stopped): its checked-in appointment, the latest begun before, is completed. */
    public void sessionEnded(IntegrationEvent<?> cause, UUID patientId, UUID clinicId, UUID courseId, Instant endedAt) {
        appointments.ofCourse(patientId, courseId, "checked-in", endedAt.minus(LONGEST_SESSION), endedAt).stream()
                .filter(a -> a.clinicId().equals(clinicId))
                .max(Comparator.comparing(AppointmentBook.Appointment::startsAt))
                .ifPresent(served -> commands.sendFor(cause, Actor.system(SchedulingApplication.NAME), clinicId,
                        new AppointmentCommands.Complete(served.clinicDay(), served.appointmentId(), endedAt)));
    }
}
