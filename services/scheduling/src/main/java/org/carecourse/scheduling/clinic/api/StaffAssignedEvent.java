package org.carecourse.scheduling.clinic.api;

import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** The staff member's role and weekly shifts at the clinic, replacing earlier ones; no shifts: no longer scheduled there. */
@Revision("1")
public record StaffAssignedEvent(UUID clinicId, UUID staffId, String name, StaffRole role, List<Shift> shifts) {

    public StaffAssignedEvent {
        shifts = List.copyOf(shifts);
    }
}
