package org.carecourse.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server on a fixed port whose data folder survives restarts. Durability is
 * switched on explicitly: the embedded defaults ({@code synchronous_commit=off}) let a crash lose
 * commits that were already acknowledged to a clinician, which is not acceptable for kept data.
 */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    /** The role the services connect as; the owner above runs their migrations (ADR 0007). */
    static final String APP_ROLE = "carecourse_app";

    private final EmbeddedPostgres postgres;

    LocalPostgres(Path dataFolder, int port) {
        System.setProperty("ot.epg.working-dir", dataFolder.resolve("postgres-binaries").toString());
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataFolder.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Six services' pools (12 each), their admin tools and a benchmark's 64 raw
                    // clients all fit beneath the limit.
                    .setServerConfig("max_connections", "300")
                    // Commit times of rows (pg_xact_commit_timestamp): how the benchmark times each
                    // hop from one service's commit to the next one's.
                    .setServerConfig("track_commit_timestamp", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /** One database per service; created once, kept afterwards. */
    void createDatabases(Collection<String> names) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APP_ROLE
                    + "') then create role " + APP_ROLE + " login password '" + APP_ROLE + "'; end if; end $$");
            for (String name : names) {
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?");
                exists.setString(1, name);
                if (!exists.executeQuery().next()) {
                    c.createStatement().execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the service databases", e);
        }
    }

    /** The value the running server reports for a setting, e.g. {@code fsync}. */
    String setting(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var statement = c.prepareStatement("select current_setting(?)")) {
            statement.setString(1, name);
            var result = statement.executeQuery();
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read setting " + name, e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
