package org.carecourse.servicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.carecourse.testkit.Api;
import org.carecourse.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What every service must show even before its domain exists: it starts on real PostgreSQL and
 * Kafka with its Flyway schema, Axon on the JDBC store with Spring transactions, open health
 * probes, and token-protected metrics and API.
 */
public abstract class RunnableServiceContract {

    @Autowired
    protected ApplicationContext context;
    @LocalServerPort
    protected int port;

    @Test
    void axonRunsOnTheJdbcEventStoreWithSpringTransactions() {
        PlatformWiring.assertJdbcEventStoreWithSpringTransactions(context);
        assertThat(PlatformWiring.storedEvents(context)).isNotNegative();
    }

    @Test
    void healthIsUpAndOpenWhileMetricsAndTheApiNeedAToken() {
        Api api = Api.onPort(port);
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/api/anything", null).status()).isEqualTo(401);
        Api.Response metrics = api.get("/actuator/prometheus", TestTokens.staff("ops", "operations", Set.of()));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections");
    }

    @Test
    void theApiIsDocumentedAsOpenApiBehindAToken() {
        Api api = Api.onPort(port);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(401);
        Api.Response docs = api.get("/v3/api-docs", TestTokens.staff("ops", "operations", Set.of()));
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"", "\"bearer\"");
        for (String path : documentedPaths()) {
            assertThat(docs.body()).contains(path);
        }
    }

    /** Paths this service's OpenAPI document must list; none for a skeleton. */
    protected String[] documentedPaths() {
        return new String[0];
    }
}
