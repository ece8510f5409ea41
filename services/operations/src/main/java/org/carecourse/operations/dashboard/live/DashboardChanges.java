package org.carecourse.operations.dashboard.live;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open dashboards that their figures changed, so they refresh without a reload. A read
 * model change sends a PostgreSQL {@code NOTIFY} in the consumer's transaction, so it is heard
 * only once committed, and by every operations instance, not just the one whose consumer took
 * the record; each instance listens on a connection of its own and pushes a server-sent event to
 * the browsers connected to it, at most a few times a second.
 */
@Component
public class DashboardChanges implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardChanges.class);
    private static final String CHANNEL = "operations_dashboard";
    private static final Duration EMITTER_TIMEOUT = Duration.ofMinutes(30);
    /** Changes heard within this window are pushed as one refresh (a burst of records is one refresh, not hundreds). */
    private static final Duration COALESCE = Duration.ofMillis(300);

    private final JdbcClient jdbc;
    private final DataSourceProperties database;
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread listener;

    DashboardChanges(JdbcClient jdbc, DataSourceProperties database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** Wraps a read model's effect so that, applied, it announces a change on commit. */
    public Consumer<IntegrationEvent<EventPayload>> announcing(Consumer<IntegrationEvent<EventPayload>> effect) {
        return event -> {
            effect.accept(event);
            jdbc.sql("select pg_notify(?, '')").param(CHANNEL).query().listOfRows();
        };
    }

    /** A browser's subscription to changes; it ends when the browser goes or after half an hour (EventSource reconnects). */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT.toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, "connected");
        return emitter;
    }

    public int subscribers() {
        return emitters.size();
    }

    private void broadcast() {
        emitters.forEach(emitter -> send(emitter, "change"));
    }

    private void send(SseEmitter emitter, String name) {
        try {
            emitter.send(SseEmitter.event().name(name).data(name));
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.determineUrl(), database.determineUsername(),
                    database.determinePassword())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = pg.getNotifications(1_000);
                    if (heard != null && heard.length > 0) {
                        // Gather what else arrives in the window, then refresh once.
                        pg.getNotifications((int) COALESCE.toMillis());
                        broadcast();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("dashboard change listener lost its connection ({}); listening again shortly", e.getMessage());
                    pause();
                }
            }
        }
    }

    /** Back-off before reconnecting after the database went away (a production loop, not test synchronisation). */
    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "dashboard-changes");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
