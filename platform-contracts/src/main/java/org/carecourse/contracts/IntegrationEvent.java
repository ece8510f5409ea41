package org.carecourse.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every integration event travels in on Kafka.
 *
 * @param eventId       unique per event; consumers deduplicate on it
 * @param type          the payload's registered type name, e.g. {@code ConsultationRequested}
 * @param schemaVersion the payload's schema version
 * @param occurredAt    when the fact happened (UTC)
 * @param patientId     the patient the event is about, or {@code null} (e.g. clinic directory)
 * @param clinicId      the clinic the fact belongs to, or {@code null} for chain-wide facts
 * @param correlationId the id shared by everything one user action caused
 * @param causationId   the id of the message (request, command or event) that caused this one
 * @param actor         who caused it
 */
public record IntegrationEvent<P extends EventPayload>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        UUID patientId,
        UUID clinicId,
        String correlationId,
        String causationId,
        Actor actor,
        P payload) {

    public IntegrationEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
        EventType<?> registered = EventTypes.of(payload.getClass());
        if (!registered.name().equals(type) || registered.schemaVersion() != schemaVersion) {
            throw new IllegalArgumentException("payload " + payload.getClass().getSimpleName()
                    + " is registered as " + registered.name() + " v" + registered.schemaVersion()
                    + ", not " + type + " v" + schemaVersion);
        }
    }

    /** Wraps a payload, taking type and schema version from its registration. */
    public static <P extends EventPayload> IntegrationEvent<P> of(
            UUID eventId, Instant occurredAt, UUID patientId, UUID clinicId,
            String correlationId, String causationId, Actor actor, P payload) {
        EventType<?> registered = EventTypes.of(payload.getClass());
        return new IntegrationEvent<>(eventId, registered.name(), registered.schemaVersion(), occurredAt,
                patientId, clinicId, correlationId, causationId, actor, payload);
    }

    /** The Kafka record key: events about one patient stay in order on one partition. */
    public String partitionKey() {
        return patientId != null ? patientId.toString()
                : clinicId != null ? clinicId.toString()
                : eventId.toString();
    }

    /** The topic this event is published to. */
    public String topic() {
        return EventTypes.of(payload.getClass()).topic();
    }
}
