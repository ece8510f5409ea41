package org.carecourse.scheduling.booking.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AppointmentBookedEvent(String chairDay, UUID appointmentId, UUID clinicId, UUID chairId, UUID patientId,
        AppointmentType type, Instant startsAt, Instant endsAt) {
}
