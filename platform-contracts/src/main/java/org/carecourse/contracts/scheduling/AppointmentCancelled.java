package org.carecourse.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * The envelope's patient's appointment was cancelled ({@code reason}: {@code patient-request},
 * {@code clinic-request}, {@code course-closed}, {@code illness}, {@code transport}, {@code other});
 * {@code late}: within the clinic's notice period before {@code startsAt}; {@code cancelledBy}:
 * {@code patient} or {@code clinic}, whose cancellation it was (only a patient's late one may carry
 * a fee). Producers before {@code cancelledBy} existed sent none: it follows from the reason.
 */
public record AppointmentCancelled(
        UUID appointmentId,
        UUID clinicId,
        @Size(max = FieldLimits.CODE) String type,
        UUID courseId,
        Instant startsAt,
        @Size(max = FieldLimits.CODE) String reason,
        boolean late,
        Instant cancelledAt,
        @Size(max = FieldLimits.CODE) String cancelledBy) implements EventPayload {

    public static final String BY_PATIENT = "patient";
    public static final String BY_CLINIC = "clinic";

    public AppointmentCancelled {
        if (cancelledBy == null) {
            cancelledBy = "clinic-request".equals(reason) || "course-closed".equals(reason) ? BY_CLINIC : BY_PATIENT;
        }
    }

    public boolean byPatient() {
        return BY_PATIENT.equals(cancelledBy);
    }
}
