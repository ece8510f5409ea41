package org.carecourse.contracts;

/**
 * The body of an integration event. Each implementation is registered in {@link EventTypes} with
 * its type name, schema version and topic; a breaking change gets a new type version and topic.
 */
public interface EventPayload {
}
