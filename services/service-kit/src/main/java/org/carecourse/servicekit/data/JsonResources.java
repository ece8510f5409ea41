package org.carecourse.servicekit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.json.JsonMapper;

/** Data files shipped with a service (a protocol's published defaults), read by name into their record. */
public final class JsonResources {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonResources() {
    }

    /** Reads a classpath resource ({@code /protocol/...json}) as {@code type}; a missing file fails at once. */
    public static <T> T read(Class<T> type, String resource) {
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath of " + type.getName());
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
