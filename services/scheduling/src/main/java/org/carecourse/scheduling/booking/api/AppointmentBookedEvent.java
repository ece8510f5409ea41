package org.carecourse.scheduling.booking.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.scheduling.clinic.api.AppointmentType;

/** {@code overrideReason}: set when an admin booked past the chair or clinician rules. */
@Revision("2")
public record AppointmentBookedEvent(String clinicDay, UUID appointmentId, UUID clinicId, UUID chairId, UUID staffId, int staffSeat,
        UUID patientId, UUID courseId, AppointmentType type, Instant startsAt, Instant endsAt, Instant chairFreeAt,
        String overrideReason, UUID seriesId, UUID rescheduledFrom) {
}
