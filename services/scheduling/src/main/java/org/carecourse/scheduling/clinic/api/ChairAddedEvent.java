package org.carecourse.scheduling.clinic.api;

import java.util.Set;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ChairAddedEvent(UUID clinicId, UUID chairId, String name, Set<Capability> capabilities) {

    public ChairAddedEvent {
        capabilities = Set.copyOf(capabilities);
    }
}
