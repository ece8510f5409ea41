package org.carecourse.operations.dashboard.query;

/** A headline figure of the chain overview; {@code note} says what it counts or why it has no value. */
public record Tile(String id, String label, String value, String note) {
}
