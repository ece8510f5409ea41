package org.carecourse.scheduling.clinic.api;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignStaffCommand(@TargetAggregateIdentifier UUID clinicId, UUID staffId, String name, StaffRole role,
        List<Shift> shifts) {
}
