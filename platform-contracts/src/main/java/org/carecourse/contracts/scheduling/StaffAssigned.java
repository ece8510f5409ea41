package org.carecourse.contracts.scheduling;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.FieldLimits;

/**
 * A staff member works at a clinic in a role ({@code nurse}, {@code prescriber}) on its weekly
 * shifts, on the clinic's clock ({@code day}: {@code MONDAY} … {@code SUNDAY}; {@code from}/{@code to}:
 * {@code HH:mm}). Assigning again replaces the shifts; no shifts means no longer scheduled there.
 */
public record StaffAssigned(
        UUID clinicId,
        UUID staffId,
        @Size(max = FieldLimits.LINE) String name,
        @Size(max = FieldLimits.CODE) String role,
        @Size(max = FieldLimits.LIST) List<Shift> shifts) implements EventPayload {

    public StaffAssigned {
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
    }

    public record Shift(@Size(max = FieldLimits.CODE) String day, @Size(max = FieldLimits.CODE) String from,
            @Size(max = FieldLimits.CODE) String to) {
    }
}
