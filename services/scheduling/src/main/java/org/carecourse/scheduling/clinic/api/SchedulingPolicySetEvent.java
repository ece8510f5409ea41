package org.carecourse.scheduling.clinic.api;

import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record SchedulingPolicySetEvent(UUID clinicId, SchedulingPolicy policy) {
}
