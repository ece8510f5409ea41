package org.carecourse.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A whole series (an induction) was booked at once for the envelope's patient: each appointment
 * has its own AppointmentBooked, which come before this one.
 */
public record SeriesBooked(
        UUID seriesId,
        UUID clinicId,
        UUID courseId,
        @Size(max = FieldLimits.CODE) String type,
        @Size(max = FieldLimits.LIST) List<UUID> appointmentIds,
        Instant firstStartsAt,
        Instant lastStartsAt) implements EventPayload {

    public SeriesBooked {
        appointmentIds = appointmentIds == null ? List.of() : List.copyOf(appointmentIds);
    }
}
