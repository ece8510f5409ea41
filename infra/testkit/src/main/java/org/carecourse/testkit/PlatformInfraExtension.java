package org.carecourse.testkit;

import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts {@link PlatformInfra} once per JVM and publishes its coordinates
 * as system properties before any Spring test context is built:
 * {@code spring.datasource.*} (database named by {@link #DATABASE_PROPERTY}, default
 * {@code carecourse}), the Kafka brokers, and the public key that verifies {@link TestTokens}.
 */
public class PlatformInfraExtension implements BeforeAllCallback {

    public static final String DATABASE_PROPERTY = "platform.infra.database";
    /** Signs audit checkpoints in tests; a deployment configures its own, outside the database. */
    public static final String TEST_CHECKPOINT_KEY = "Y2FyZWNvdXJzZS10ZXN0LWNoZWNrcG9pbnQta2V5LTMyYg==";

    @Override
    public void beforeAll(ExtensionContext context) {
        systemProperties(System.getProperty(DATABASE_PROPERTY, "carecourse")).forEach(System::setProperty);
    }

    /** The Spring properties pointing a service at the shared infrastructure and its own database. */
    public static Map<String, String> systemProperties(String database) {
        PlatformInfra infra = PlatformInfra.get();
        return Map.of(
                "spring.datasource.url", infra.database(database),
                "spring.datasource.username", PlatformInfra.APP_ROLE,
                "spring.datasource.password", PlatformInfra.APP_ROLE,
                "spring.flyway.user", infra.username(),
                "spring.flyway.password", infra.password(),
                "spring.cloud.stream.kafka.binder.brokers", infra.bootstrapServers(),
                "spring.kafka.bootstrap-servers", infra.bootstrapServers(),
                "spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens.publicKeyLocation(),
                "carecourse.audit.checkpoint-key", TEST_CHECKPOINT_KEY,
                // Verify by the test key alone: an issuer-uri would make Spring fetch the issuer's metadata.
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", "");
    }
}
