package org.carecourse.scheduling.booking.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.scheduling.booking.api.AppointmentBookedEvent;
import org.carecourse.scheduling.booking.api.AppointmentCommands;
import org.carecourse.scheduling.booking.api.AppointmentEvents;
import org.carecourse.scheduling.booking.api.BookAppointmentCommand;
import org.carecourse.scheduling.booking.capacity.DayCapacity;
import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;

/**
 * One day of one clinic, on its clock: every appointment of it, so chairs, clinicians' seats and
 * patients are counted in one place and commands on the day are serialised by its lock
 * ({@link DayCapacity} decides). The appointments table's exclusion constraints guard the same
 * rules a second time, and guard the patient across clinics and days.
 * <p>
 * Deadlines, not polling: each booking schedules its no-show (the clinic's grace after the start)
 * and its reminders; a deadline that meets an appointment no longer booked at that time does nothing.
 */
@Aggregate(cache = "clinicDayCache")
class ClinicDay {

    static final String NO_SHOW = "no-show";
    static final String REMINDER = "reminder";
    static final Duration CHECK_IN_OPENS = AppointmentCommands.CheckIn.OPENS_BEFORE_START;

    @AggregateIdentifier
    private String clinicDay;
    private final Map<UUID, Appointment> appointments = new LinkedHashMap<>();

    ClinicDay() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BookAppointmentCommand command, DeadlineManager deadlines) {
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "empty-appointment", "an appointment ends after it starts");
        }
        List<DayCapacity.Held> held = appointments.values().stream().filter(Appointment::holdsItsTime).map(Appointment::held).toList();
        DayCapacity.Outcome outcome = DayCapacity.place(held, command.wanted());
        DayCapacity.Placement placement = outcome instanceof DayCapacity.Placed placed ? placed.placement()
                : overridden(command, ((DayCapacity.Refused) outcome).refusal());
        apply(new AppointmentBookedEvent(command.clinicDay(), command.appointmentId(), command.clinicId(), placement.chairId(),
                placement.staffId(), placement.seat(), command.patientId(), command.courseId(), command.type(), command.startsAt(),
                command.endsAt(), command.chairFreeAt(), command.overrideReason(), command.seriesId(), command.rescheduledFrom(),
                command.spacingOverrideReason()));
        deadlines.schedule(command.noShowAt(), NO_SHOW, new NoShowDue(command.appointmentId(), command.startsAt(), command.noShowAt()));
        for (BookAppointmentCommand.Reminder reminder : command.remindAt()) {
            deadlines.schedule(reminder.at(), REMINDER, new ReminderDue(command.appointmentId(), command.startsAt(), reminder.leadHours(),
                    command.instructions(), reminder.at()));
        }
    }

    /**
     * An admin's override books past the chair and clinician rules (the requested chair, the first
     * clinician on shift); never past the patient's, nor when nobody is on shift.
     */
    private static DayCapacity.Placement overridden(BookAppointmentCommand command, DayCapacity.Refusal refusal) {
        boolean overridable = "chair-taken".equals(refusal.rule()) || "staff-at-capacity".equals(refusal.rule());
        if (command.overrideReason() == null || !overridable || command.staff().isEmpty()) {
            throw refusal.violation();
        }
        return new DayCapacity.Placement(command.chairs().get(0), command.staff().get(0).staffId(), 0);
    }

    @CommandHandler
    void handle(AppointmentCommands.Cancel command) {
        Appointment appointment = booked(command.appointmentId(), "cancelled");
        apply(new AppointmentEvents.Cancelled(clinicDay, appointment.id(), appointment.clinicId(), appointment.patientId(),
                appointment.courseId(), appointment.type(), appointment.startsAt(), command.reason(), command.note(),
                isLate(appointment, command.noticeHours(), command.at()), command.at()));
    }

    @CommandHandler
    void handle(AppointmentCommands.Reschedule command) {
        Appointment appointment = booked(command.appointmentId(), "rescheduled");
        apply(new AppointmentEvents.Rescheduled(clinicDay, appointment.id(), appointment.clinicId(), appointment.patientId(),
                command.newAppointmentId(), appointment.startsAt(), command.newStartsAt(),
                isLate(appointment, command.noticeHours(), command.at()), command.at()));
    }

    @CommandHandler
    void handle(AppointmentCommands.CheckIn command) {
        Appointment appointment = booked(command.appointmentId(), "checked in");
        if (command.at().isBefore(appointment.startsAt().minus(CHECK_IN_OPENS))) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "check-in-too-early", "check-in opens "
                    + CHECK_IN_OPENS.toHours() + " h before the appointment's start " + appointment.startsAt());
        }
        apply(new AppointmentEvents.CheckedIn(clinicDay, appointment.id(), appointment.clinicId(), appointment.patientId(),
                appointment.courseId(), appointment.type(), appointment.startsAt(), command.at()));
    }

    @CommandHandler
    void handle(AppointmentCommands.Complete command) {
        Appointment appointment = find(command.appointmentId());
        if (appointment.status() != Status.CHECKED_IN) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "not-checked-in", "appointment " + appointment.id() + " is "
                    + appointment.status().code + "; only a checked-in appointment is completed");
        }
        if (command.at().isBefore(appointment.startsAt())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "completed-before-start", "an appointment is completed after it starts ("
                    + appointment.startsAt() + ")");
        }
        apply(new AppointmentEvents.Completed(clinicDay, appointment.id(), appointment.clinicId(), appointment.patientId(),
                appointment.courseId(), appointment.type(), appointment.startsAt(), command.at()));
    }

    @DeadlineHandler(deadlineName = NO_SHOW)
    void on(NoShowDue due) {
        Appointment appointment = appointments.get(due.appointmentId());
        if (appointment != null && appointment.status() == Status.BOOKED && appointment.startsAt().equals(due.startsAt())) {
            apply(new AppointmentEvents.NoShowed(clinicDay, appointment.id(), appointment.clinicId(), appointment.patientId(),
                    appointment.courseId(), appointment.type(), appointment.startsAt(), due.at()));
        }
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void on(ReminderDue due) {
        Appointment appointment = appointments.get(due.appointmentId());
        if (appointment != null && appointment.status() == Status.BOOKED && appointment.startsAt().equals(due.startsAt())) {
            apply(new AppointmentEvents.ReminderDue(clinicDay, appointment.id(), appointment.clinicId(), appointment.patientId(),
                    appointment.type(), appointment.startsAt(), due.leadHours(), due.instructions(), due.at()));
        }
    }

    private static boolean isLate(Appointment appointment, int noticeHours, Instant at) {
        return at.isAfter(appointment.startsAt().minus(Duration.ofHours(noticeHours)));
    }

    private Appointment find(UUID appointmentId) {
        Appointment appointment = appointments.get(appointmentId);
        if (appointment == null) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "unknown-appointment", "no appointment " + appointmentId + " on " + clinicDay);
        }
        return appointment;
    }

    private Appointment booked(UUID appointmentId, String step) {
        Appointment appointment = find(appointmentId);
        if (appointment.status() != Status.BOOKED) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "appointment-not-booked", "appointment " + appointmentId + " is "
                    + appointment.status().code + " and cannot be " + step);
        }
        return appointment;
    }

    @EventSourcingHandler
    void on(AppointmentBookedEvent event) {
        clinicDay = event.clinicDay();
        appointments.put(event.appointmentId(), new Appointment(event.appointmentId(), event.clinicId(), event.patientId(),
                event.courseId(), event.type(), new DayCapacity.Held(event.appointmentId(), event.chairId(), event.staffId(),
                        event.staffSeat(), event.patientId(), event.startsAt(), event.endsAt(), event.chairFreeAt()), Status.BOOKED));
    }

    @EventSourcingHandler
    void on(AppointmentEvents.Cancelled event) {
        move(event.appointmentId(), Status.CANCELLED);
    }

    @EventSourcingHandler
    void on(AppointmentEvents.Rescheduled event) {
        move(event.appointmentId(), Status.RESCHEDULED);
    }

    @EventSourcingHandler
    void on(AppointmentEvents.CheckedIn event) {
        move(event.appointmentId(), Status.CHECKED_IN);
    }

    @EventSourcingHandler
    void on(AppointmentEvents.Completed event) {
        move(event.appointmentId(), Status.COMPLETED);
    }

    @EventSourcingHandler
    void on(AppointmentEvents.NoShowed event) {
        move(event.appointmentId(), Status.NO_SHOW);
    }

    private void move(UUID appointmentId, Status status) {
        appointments.computeIfPresent(appointmentId, (id, appointment) -> appointment.withStatus(status));
    }

    /** Where an appointment stands; the first three hold its chair, clinician and patient. */
    enum Status {
        BOOKED("booked"), CHECKED_IN("checked-in"), COMPLETED("completed"), CANCELLED("cancelled"), RESCHEDULED("rescheduled"),
        NO_SHOW("no-show");

        final String code;

        Status(String code) {
            this.code = code;
        }
    }

    private record Appointment(UUID id, UUID clinicId, UUID patientId, UUID courseId, AppointmentType type, DayCapacity.Held held,
            Status status) {

        Instant startsAt() {
            return held.startsAt();
        }

        boolean holdsItsTime() {
            return status == Status.BOOKED || status == Status.CHECKED_IN || status == Status.COMPLETED;
        }

        Appointment withStatus(Status next) {
            return new Appointment(id, clinicId, patientId, courseId, type, held, next);
        }
    }

    /** The no-show deadline's payload: the start it was set for, so a moved appointment ignores it. */
    record NoShowDue(UUID appointmentId, Instant startsAt, Instant at) {
    }

    record ReminderDue(UUID appointmentId, Instant startsAt, int leadHours, String instructions, Instant at) {
    }
}
