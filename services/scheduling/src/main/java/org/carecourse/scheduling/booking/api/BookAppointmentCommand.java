package org.carecourse.scheduling.booking.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Books {@code [startsAt, endsAt)} on a chair; sent to the chair's day ({@code chairDay}, see
 * {@link ChairDays}), which holds every booking of that chair on that day in the clinic's zone.
 */
public record BookAppointmentCommand(@TargetAggregateIdentifier String chairDay, UUID appointmentId, UUID clinicId, UUID chairId,
        UUID patientId, AppointmentType type, Instant startsAt, Instant endsAt) {
}
