package org.carecourse.scheduling.booking.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.scheduling.clinic.api.AppointmentType;

/**
 * {@code overrideReason}: set when an admin booked past the chair or clinician rules;
 * {@code spacingOverrideReason}: when a prescriber booked it closer to the patient's other
 * treatments than the course plan's spacing (absent, so null, in events stored before it existed).
 */
@Revision("2")
public record AppointmentBookedEvent(String clinicDay, UUID appointmentId, UUID clinicId, UUID chairId, UUID staffId, int staffSeat,
        UUID patientId, UUID courseId, AppointmentType type, Instant startsAt, Instant endsAt, Instant chairFreeAt,
        String overrideReason, UUID seriesId, UUID rescheduledFrom, String spacingOverrideReason) {
}
