package org.carecourse.scheduling.booking.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.scheduling.booking.capacity.DayCapacity;
import org.carecourse.scheduling.clinic.api.AppointmentType;

/**
 * Books {@code [startsAt, endsAt)} at a clinic on its day ({@code clinicDay}, see {@link ClinicDays}):
 * the first of {@code chairs} free until {@code chairFreeAt} (the turnover after the end) and a
 * seat of the first of {@code staff} with one free. With an {@code override} (an admin's, with a
 * reason) the chair and clinician are booked past those two rules, never past the patient's.
 * The appointment becomes a no-show at {@code noShowAt} unless checked in; reminders fall due at
 * {@code remindAt} (each with its lead time) with the type's {@code instructions}.
 * {@code spacingOverrideReason}: a prescriber's reason for keeping less than the course plan's
 * spacing from the patient's other treatments.
 */
public record BookAppointmentCommand(@TargetAggregateIdentifier String clinicDay, UUID appointmentId, UUID clinicId,
        UUID patientId, UUID courseId, AppointmentType type, Instant startsAt, Instant endsAt, Instant chairFreeAt,
        List<UUID> chairs, List<DayCapacity.OnShift> staff, String overrideReason, UUID seriesId, UUID rescheduledFrom,
        Instant noShowAt, List<Reminder> remindAt, String instructions, String spacingOverrideReason) {

    /** What the capacity rules weigh of this booking. */
    public DayCapacity.Wanted wanted() {
        return new DayCapacity.Wanted(patientId, startsAt, endsAt, chairFreeAt, chairs, staff);
    }

    public record Reminder(Instant at, int leadHours) {
    }
}
