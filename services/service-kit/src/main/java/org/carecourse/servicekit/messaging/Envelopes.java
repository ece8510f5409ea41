package org.carecourse.servicekit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.carecourse.contracts.Actor;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.servicekit.axon.MetadataKeys;

/**
 * Maps a stored domain event to the envelope of the integration event it becomes. The event id
 * derives from the stored event's id, so a replayed relay publishes the same ids and consumers'
 * inboxes absorb the repeats.
 */
public final class Envelopes {

    private Envelopes() {
    }

    public static <P extends EventPayload> IntegrationEvent<P> from(EventMessage<?> stored, String serviceName,
            UUID patientId, UUID clinicId, P payload) {
        MetaData metadata = stored.getMetaData();
        String actorId = (String) metadata.get(MetadataKeys.ACTOR_ID);
        String actorRole = (String) metadata.get(MetadataKeys.ACTOR_ROLE);
        Actor actor = actorId != null && actorRole != null ? new Actor(actorId, actorRole) : Actor.system(serviceName);
        String correlationId = (String) metadata.getOrDefault(MetadataKeys.CORRELATION_ID, stored.getIdentifier());
        String causationId = (String) metadata.getOrDefault(MetadataKeys.CAUSATION_ID, stored.getIdentifier());
        return IntegrationEvent.of(eventId(stored.getIdentifier()), stored.getTimestamp(), patientId, clinicId,
                correlationId, causationId, actor, payload);
    }

    private static UUID eventId(String storedIdentifier) {
        try {
            return UUID.fromString(storedIdentifier);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(storedIdentifier.getBytes(StandardCharsets.UTF_8));
        }
    }
}
