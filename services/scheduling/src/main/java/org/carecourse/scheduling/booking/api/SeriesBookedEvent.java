package org.carecourse.scheduling.booking.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;
import org.carecourse.scheduling.clinic.api.AppointmentType;

@Revision("1")
public record SeriesBookedEvent(UUID seriesId, UUID clinicId, UUID patientId, UUID courseId, AppointmentType type,
        List<UUID> appointmentIds, Instant firstStartsAt, Instant lastStartsAt) {

    public SeriesBookedEvent {
        appointmentIds = List.copyOf(appointmentIds);
    }
}
