package org.carecourse.servicekit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

/** A request that found no pooled connection in time is told to come back, not that the service broke. */
class DatabaseBusyProblemTest {

    private final ProblemHandlers handlers = new ProblemHandlers();

    @Test
    void noConnectionInTimeIs503WithRetryAfter() {
        ResponseEntity<?> answer = handlers.databaseUnavailable(new CannotGetJdbcConnectionException("pool timeout",
                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void aCommandThatFoundNoConnectionIs503Too() {
        Object answer = handlers.commandFailed(new CommandExecutionException("failed",
                new IllegalStateException(new SQLTransientConnectionException("timed out"))), new MockHttpServletRequest());

        assertThat(answer).isInstanceOfSatisfying(ResponseEntity.class,
                entity -> assertThat(entity.getStatusCode().value()).isEqualTo(503));
    }
}
