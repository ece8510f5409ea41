package org.carecourse.servicekit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The wrapper's bookkeeping, over a pool that only counts what it hands out. */
class OneConnectionPerRequestTest {

    private final AtomicInteger open = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DataSource guarded = OneConnectionPerRequest.guard(new CountingPool(), () -> meters);

    @Test
    void aRequestThreadAskingForASecondConnectionIsRefusedAtOnceAndCounted() throws Exception {
        inRequest(() -> {
            try (Connection first = guarded.getConnection()) {
                assertThatThrownBy(guarded::getConnection).isInstanceOf(OneConnectionPerRequest.NestedConnectionException.class);
                assertThat(open).as("no second connection taken from the pool").hasValue(1);
            }
            try (Connection afterTheFirstWasReleased = guarded.getConnection()) {
                assertThat(open).hasValue(1);
            }
        });
        assertThat(meters.counter("carecourse.datasource.nested.connections").count()).isEqualTo(1);
        assertThat(open).hasValue(0);
    }

    @Test
    void threadsThatServeNoRequestMayHoldSeveral() throws Exception {
        try (Connection first = guarded.getConnection(); Connection second = guarded.getConnection()) {
            assertThat(open).hasValue(2);
        }
        assertThat(meters.find("carecourse.datasource.nested.connections").counter()).isNull();
    }

    @Test
    void closingAConnectionTwiceReleasesItOnce() throws Exception {
        inRequest(() -> {
            Connection first = guarded.getConnection();
            first.close();
            first.close();
            try (Connection next = guarded.getConnection()) {
                assertThatThrownBy(guarded::getConnection).isInstanceOf(OneConnectionPerRequest.NestedConnectionException.class);
            }
        });
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private static void inRequest(Work work) throws Exception {
        OneConnectionPerRequest.filter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
            try {
                work.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Hands out connections that only count themselves open and closed. */
    private final class CountingPool extends AbstractDataSource {
        @Override
        public Connection getConnection() {
            open.incrementAndGet();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if ("close".equals(method.getName())) {
                            open.decrementAndGet();
                        }
                        return null;
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }
    }
}
