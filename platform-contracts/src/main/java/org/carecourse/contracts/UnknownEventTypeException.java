package org.carecourse.contracts;

/** A record names a type/version this build does not know; consumers skip such records. */
public class UnknownEventTypeException extends RuntimeException {

    private final String type;
    private final int schemaVersion;

    public UnknownEventTypeException(String type, int schemaVersion) {
        super("unknown integration event type " + type + " v" + schemaVersion);
        this.type = type;
        this.schemaVersion = schemaVersion;
    }

    public String type() {
        return type;
    }

    public int schemaVersion() {
        return schemaVersion;
    }
}
