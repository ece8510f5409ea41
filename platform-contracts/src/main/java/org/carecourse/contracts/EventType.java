package org.carecourse.contracts;

/** Registration of one payload type: its name and schema version on the wire and its topic. */
public record EventType<P extends EventPayload>(String name, int schemaVersion, String topic, Class<P> payloadClass) {
}
