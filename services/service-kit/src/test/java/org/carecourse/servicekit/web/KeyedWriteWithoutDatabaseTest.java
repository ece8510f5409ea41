package org.carecourse.servicekit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.carecourse.servicekit.idempotency.IdempotencyFilter;
import org.carecourse.servicekit.idempotency.IdempotencyProperties;
import org.carecourse.servicekit.idempotency.IdempotencyStore;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A keyed write that cannot even open its transaction (the database away) ran nothing: the client
 * is told to come back (503, Retry-After), not that it lost a race it never ran (409).
 */
class KeyedWriteWithoutDatabaseTest {

    @Test
    void aKeyedWriteWithNoDatabaseToClaimItsKeyIs503WithRetryAfter() throws Exception {
        PlatformTransactionManager unreachable = new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
            }

            @Override
            public void commit(TransactionStatus status) {
            }

            @Override
            public void rollback(TransactionStatus status) {
            }
        };
        IdempotencyFilter filter = new IdempotencyFilter(new IdempotencyStore(null, Clock.systemUTC(), Duration.ofHours(24)),
                new TransactionTemplate(unreachable), new IdempotencyProperties(Duration.ofHours(24), 3, List.of()));
        MockHttpServletRequest raw = new MockHttpServletRequest("POST", "/api/invoices/1/payments");
        raw.addHeader(IdempotencyFilter.HEADER, "key-1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new CachedBodyRequest(raw, "{\"amount\": 10.00}".getBytes(StandardCharsets.UTF_8)), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(chain.getRequest()).as("the endpoint never ran").isNull();
    }
}
