package org.carecourse.servicekit.data;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A request path holds at most one pooled connection at a time. A thread that asks the pool for
 * a second connection while it holds one (a query run inside another query's row mapper, a new
 * transaction opened inside a running one) deadlocks the pool once as many requests do it as
 * there are connections: each holds one and waits for another. That wait used to surface as a
 * 30-second stall for a whole clinic; here it fails at once, on the first request that does it,
 * in tests and in production alike, and is counted ({@code carecourse.datasource.nested.connections}).
 *
 * <p>Only request threads are checked ({@link #filter()} marks them): background work such as
 * migrations, processors and the snapshotter has pools and threads of its own.
 */
public final class OneConnectionPerRequest {

    private static final ThreadLocal<int[]> HELD_IN_REQUEST = new ThreadLocal<>();

    private OneConnectionPerRequest() {
    }

    /** Marks the current thread as serving a request for as long as the request runs. */
    public static OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                int[] previous = HELD_IN_REQUEST.get();
                HELD_IN_REQUEST.set(new int[1]);
                try {
                    chain.doFilter(request, response);
                } finally {
                    HELD_IN_REQUEST.set(previous);
                }
            }
        };
    }

    /** The pool as request paths see it: a second connection on one request thread is refused. */
    public static DataSource guard(DataSource pool, Supplier<MeterRegistry> meters) {
        return new Guarded(pool, () -> meters.get().counter("carecourse.datasource.nested.connections").increment());
    }

    /** Thrown instead of waiting for a second connection; a programming error, never a load problem. */
    public static final class NestedConnectionException extends IllegalStateException {
        NestedConnectionException() {
            super("this request already holds a database connection and asked for a second one; run the query on "
                    + "the connection it holds (inside its transaction) or after the first one is released");
        }
    }

    private static final class Guarded extends DelegatingDataSource {

        private final Runnable nested;

        Guarded(DataSource pool, Runnable nested) {
            super(pool);
            this.nested = nested;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return track(() -> super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return track(() -> super.getConnection(username, password));
        }

        private Connection track(ConnectionSource source) throws SQLException {
            int[] held = HELD_IN_REQUEST.get();
            if (held == null) {
                return source.get();
            }
            if (held[0] > 0) {
                nested.run();
                throw new NestedConnectionException();
            }
            Connection connection = source.get();
            held[0]++;
            AtomicBoolean closed = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if ("close".equals(method.getName()) && closed.compareAndSet(false, true)) {
                            held[0]--;
                        }
                        if ("unwrap".equals(method.getName()) && args[0] instanceof Class<?> type && type.isInstance(connection)) {
                            return connection;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection get() throws SQLException;
    }
}
