package org.carecourse.scheduling.booking.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.scheduling.clinic.api.AppointmentType;

/** Records a series whose appointments were booked in the same transaction. */
public record RecordSeriesCommand(@TargetAggregateIdentifier UUID seriesId, UUID clinicId, UUID patientId, UUID courseId,
        AppointmentType type, List<UUID> appointmentIds, Instant firstStartsAt, Instant lastStartsAt) {
}
