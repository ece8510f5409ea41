package org.carecourse.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * An appointment was booked on a chair of a clinic for the envelope's patient ({@code type}:
 * {@code consult}, {@code iv-infusion}, {@code spravato}, {@code booster}); {@code startsAt}
 * inclusive, {@code endsAt} exclusive. {@code staffId} is the clinician who sees or monitors the
 * patient; {@code courseId} the treatment course it serves (none for a consult); {@code seriesId}
 * the series it was booked in, if any; {@code rescheduledFrom} the appointment it replaces, if any;
 * {@code overridden} says an admin booked it past a capacity rule, with a reason kept in scheduling.
 */
public record AppointmentBooked(
        UUID appointmentId,
        UUID clinicId,
        UUID chairId,
        @Size(max = FieldLimits.CODE) String type,
        Instant startsAt,
        Instant endsAt,
        UUID staffId,
        UUID courseId,
        UUID seriesId,
        UUID rescheduledFrom,
        boolean overridden) implements EventPayload {
}
