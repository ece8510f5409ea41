package org.carecourse.servicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.carecourse.contracts.EventJson;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.Concurrent;
import org.carecourse.testkit.TestTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * What every service must show even before its domain exists: it starts on real PostgreSQL and
 * Kafka with its Flyway schema, Axon on the JDBC store with Spring transactions, open health
 * probes, token-protected metrics and API, the body limit, idempotent keyed writes, and the
 * admin views of its relay and dead letters.
 */
public abstract class RunnableServiceContract {

    protected static final String ADMIN = TestTokens.staff("admin", "admin", Set.of());
    private static final int CLIENTS = 64;

    @Autowired
    protected ApplicationContext context;
    @LocalServerPort
    protected int port;

    /**
     * A write endpoint that creates or records something, for the idempotency checks.
     *
     * @param method  POST or PUT
     * @param fresh   a new valid request on each call (e.g. another patient), so each call is a new request
     */
    public record KeyedWrite(String method, Supplier<Request> fresh, String token) {

        Api.Response send(Api api, Request request, String key) {
            return api.sendKeyed(method, request.path(), request.body(), token, key);
        }
    }

    public record Request(String path, String body) {
    }

    /**
     * A request a careless or hostile client sends, and how it must be refused.
     *
     * @param field the field the problem must name under {@code errors}, or null
     */
    public record HostileCase(String name, String method, String path, String body, String token, int status, String field) {

        public static HostileCase post(String name, String path, String body, String token, String field) {
            return new HostileCase(name, "POST", path, body, token, 400, field);
        }
    }

    /** A POST to a fixed path, with a new body on each call. */
    protected static KeyedWrite post(String path, Supplier<String> freshBody, String token) {
        return new KeyedWrite("POST", () -> new Request(path, freshBody.get()), token);
    }

    @Test
    void axonRunsOnTheJdbcEventStoreWithSpringTransactions() {
        PlatformWiring.assertJdbcEventStoreWithSpringTransactions(context);
        assertThat(PlatformWiring.storedEvents(context)).isNotNegative();
    }

    @Test
    void aProcessorResetForAReplayCanReadItsTokenBack() {
        org.axonframework.serialization.Serializer serializer = context.getBean(org.axonframework.config.Configuration.class).serializer();
        org.axonframework.eventhandling.TrackingToken replay = org.axonframework.eventhandling.ReplayToken.createReplayToken(
                new org.axonframework.eventhandling.GapAwareTrackingToken(41, java.util.Set.of(7L)),
                new org.axonframework.eventhandling.GapAwareTrackingToken(3, java.util.Set.of()));
        var stored = serializer.serialize(replay, byte[].class);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(replay);
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

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsReadStoredOrPublished() {
        Api api = Api.onPort(port);
        long events = PlatformWiring.storedEvents(context);
        long published = ledgerRows("outbound_published");
        String oversized = "{\"conditions\": [" + "\"depression\",".repeat(30_000) + "\"depression\"]}";
        List<String> paths = new ArrayList<>(List.of("/api/anything"));
        paths.addAll(bodyLimitedPaths());
        for (String path : paths) {
            for (String token : new String[] {null, ADMIN}) {
                Api.Response declared = api.post(path, oversized, token);
                assertThat(declared.status()).as("declared length, " + path).isEqualTo(413);
                assertThat(declared.contentType()).startsWith("application/problem+json");
                Api.Response chunked = api.postChunked(path, oversized.getBytes(StandardCharsets.UTF_8), token);
                assertThat(chunked.status()).as("chunked, " + path).isEqualTo(413);
            }
        }
        assertThat(PlatformWiring.storedEvents(context)).isEqualTo(events);
        assertThat(ledgerRows("outbound_published")).isEqualTo(published);
    }

    @Test
    void aKeyedWriteTakesEffectOnceAndItsKeyCannotBeReusedForAnotherRequest() {
        List<KeyedWrite> writes = keyedWrites();
        Assumptions.assumeFalse(writes.isEmpty(), "this service has no write endpoints yet");
        Api api = Api.onPort(port);
        for (KeyedWrite write : writes) {
            String key = UUID.randomUUID().toString();
            // Both requests are prepared first: preparing one may itself store events (e.g. a consultation).
            Request request = write.fresh().get();
            Request another = write.fresh().get();
            long before = PlatformWiring.storedEvents(context);
            Api.Response first = write.send(api, request, key);
            assertThat(first.status()).as(request.path() + ": " + first.body()).isBetween(200, 299);
            long effect = PlatformWiring.storedEvents(context) - before;
            assertThat(effect).as("events of one " + request.path()).isPositive();

            Api.Response repeat = write.send(api, request, key);
            assertThat(repeat.status()).isEqualTo(first.status());
            assertThat(repeat.body()).isEqualTo(first.body());
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            Api.Response otherRequest = write.send(api, another, key);
            assertThat(otherRequest.status()).as(otherRequest.body()).isEqualTo(422);
            assertThat(EventJson.tree(otherRequest.body()).get("rule").asString()).isEqualTo("idempotency-key-reused");
            assertThat(PlatformWiring.storedEvents(context) - before).as("after the repeats").isEqualTo(effect);
        }
    }

    @Test
    void sixtyFourClientsRetryingOneKeyedWriteAtOnceLeaveOneEffect() throws Exception {
        List<KeyedWrite> writes = keyedWrites();
        Assumptions.assumeFalse(writes.isEmpty(), "this service has no write endpoints yet");
        KeyedWrite write = writes.get(0);
        Api api = Api.onPort(port);
        Request first = write.fresh().get();
        long before = PlatformWiring.storedEvents(context);
        Api.Response alone = write.send(api, first, UUID.randomUUID().toString());
        assertThat(alone.status()).as(alone.body()).isBetween(200, 299);
        long effect = PlatformWiring.storedEvents(context) - before;

        String key = UUID.randomUUID().toString();
        Request request = write.fresh().get();
        long start = PlatformWiring.storedEvents(context);
        double poolTimeouts = PlatformWiring.connectionTimeouts(context);
        List<Api.Response> responses = Concurrent.run(CLIENTS, () -> write.send(api, request, key));
        assertThat(PlatformWiring.connectionTimeouts(context)).as("requests that waited out the pool").isEqualTo(poolTimeouts);
        assertThat(responses).extracting(Api.Response::status).allSatisfy(status -> assertThat(status).isBetween(200, 299));
        assertThat(responses).extracting(Api.Response::body).containsOnly(responses.get(0).body());
        assertThat(PlatformWiring.storedEvents(context) - start).as("events of 64 copies of one request").isEqualTo(effect);
    }

    @Test
    void hostileInputIsRefusedNamingTheFieldStoresAndPublishesNothingAndTheNextRequestStillFlows() {
        List<HostileCase> cases = new ArrayList<>(hostileCases());
        for (String path : bodyLimitedPaths()) {
            String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
            cases.add(new HostileCase("nested 5,000 deep", "POST", path, deep, ADMIN, 400, null));
            cases.add(new HostileCase("an array for an object", "POST", path, "[1, 2, 3]", ADMIN, 400, null));
            cases.add(new HostileCase("not JSON", "POST", path, "\u0000\u0001garbage", ADMIN, 400, null));
        }
        Assumptions.assumeFalse(cases.isEmpty(), "this service takes no request bodies yet");
        Api api = Api.onPort(port);
        long events = PlatformWiring.storedEvents(context);
        long published = ledgerRows("outbound_published");
        for (HostileCase hostile : cases) {
            Api.Response response = api.sendKeyed(hostile.method(), hostile.path(), hostile.body(), hostile.token(),
                    UUID.randomUUID().toString());
            assertThat(response.status()).as(hostile.name() + ": " + response.body()).isEqualTo(hostile.status());
            assertThat(response.contentType()).as(hostile.name()).startsWith("application/problem+json");
            if (hostile.field() != null) {
                assertThat(EventJson.tree(response.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
                        .as(hostile.name()).contains(hostile.field());
            }
        }
        assertThat(PlatformWiring.storedEvents(context)).as("events stored by hostile requests").isEqualTo(events);
        assertThat(ledgerRows("outbound_published")).as("records published for hostile requests").isEqualTo(published);

        List<KeyedWrite> writes = keyedWrites();
        if (!writes.isEmpty() && publishesEvents()) {
            Api.Response next = writes.get(0).send(api, writes.get(0).fresh().get(), UUID.randomUUID().toString());
            assertThat(next.status()).as(next.body()).isBetween(200, 299);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(ledgerRows("outbound_published")).as("the next request's events published").isGreaterThan(published));
        }
    }

    @Test
    void adminsSeeParkedEventsDeadLetterTopicsTheRelayReconciledAndAuditorsTheReadAudit() {
        Api api = Api.onPort(port);
        String nurse = TestTokens.staff("nurse", "nurse", Set.of(UUID.randomUUID()));
        assertThat(api.get("/api/admin/outbound/parked", ADMIN).status()).isEqualTo(200);
        assertThat(api.get("/api/admin/outbound/parked", nurse).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/dead-letters", nurse).status()).isEqualTo(403);
        assertThat(api.get("/api/audit/reads", TestTokens.staff("auditor", "auditor", Set.of())).status()).isEqualTo(200);
        assertThat(api.get("/api/audit/reads", nurse).status()).isEqualTo(403);
        Api.Response deadLetters = api.get("/api/admin/dead-letters", ADMIN);
        assertThat(deadLetters.status()).isEqualTo(200);
        assertThat(EventJson.tree(deadLetters.body()).propertyNames()).containsExactlyInAnyOrderElementsOf(deadLetteringBindings());
        if (publishesEvents()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode report = EventJson.tree(api.get("/api/admin/outbound/reconciliation", ADMIN).body());
                assertThat(report.get("missing").asLong()).as(report.toString()).isZero();
                assertThat(report.get("pending").asLong()).as(report.toString()).isZero();
                assertThat(report.get("stored").asLong()).isEqualTo(report.get("published").asLong() + report.get("parked").asLong());
            });
        }
    }

    /** Paths this service's OpenAPI document must list; none for a skeleton. */
    protected String[] documentedPaths() {
        return new String[0];
    }

    /** Further write paths (besides any unknown one) whose oversized bodies must get 413. */
    protected List<String> bodyLimitedPaths() {
        return List.of();
    }

    /** The service's creating or recording endpoints; none for a skeleton. */
    protected List<KeyedWrite> keyedWrites() {
        return List.of();
    }

    /** Field-specific hostile requests of this service (oversized lists and texts, wrong types, unknown codes, bad ids). */
    protected List<HostileCase> hostileCases() {
        return List.of();
    }

    /** Inbound bindings that dead-letter, e.g. {@code clinicEvents-in-0}. */
    protected List<String> deadLetteringBindings() {
        return List.of();
    }

    /** Whether the service has an outbound relay yet. */
    protected boolean publishesEvents() {
        return true;
    }

    protected long ledgerRows(String table) {
        return context.getBean(JdbcClient.class).sql("select count(*) from " + table).query(Long.class).single();
    }
}
