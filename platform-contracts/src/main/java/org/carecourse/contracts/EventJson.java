package org.carecourse.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON mapping of integration events, the same for every producer and consumer: ISO-8601
 * instants and dates, unknown payload fields tolerated (additive changes keep the version).
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(IntegrationEvent<?> event) {
        return MAPPER.writeValueAsString(event);
    }

    public static byte[] writeBytes(IntegrationEvent<?> event) {
        return write(event).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses an envelope and its payload.
     *
     * @throws UnknownEventTypeException  if the type/version is not in {@link EventTypes}
     * @throws MalformedEventException    if the record is not a valid envelope
     */
    public static IntegrationEvent<EventPayload> read(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        String type = text(root, "type");
        int version = root.path("schemaVersion").asInt(0);
        EventType<?> registered = EventTypes.find(type, version)
                .orElseThrow(() -> new UnknownEventTypeException(type, version));
        try {
            EventPayload payload = MAPPER.treeToValue(required(root, "payload"), registered.payloadClass());
            JsonNode actor = required(root, "actor");
            return new IntegrationEvent<>(
                    UUID.fromString(text(root, "eventId")),
                    type,
                    version,
                    Instant.parse(text(root, "occurredAt")),
                    optionalUuid(root, "patientId"),
                    optionalUuid(root, "clinicId"),
                    text(root, "correlationId"),
                    text(root, "causationId"),
                    new Actor(text(actor, "userId"), text(actor, "role")),
                    payload);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException("invalid " + type + " v" + version + ": " + e.getMessage(), e);
        }
    }

    public static IntegrationEvent<EventPayload> read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The generic tree of any JSON text, for shape comparisons in tests and tools. */
    public static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEventException("missing field '" + field + "'", null);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asString();
    }

    private static UUID optionalUuid(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : UUID.fromString(value.asString());
    }
}
