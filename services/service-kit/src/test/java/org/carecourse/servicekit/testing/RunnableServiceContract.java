package org.carecourse.servicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.carecourse.contracts.EventJson;
import org.carecourse.testkit.Api;
import org.carecourse.testkit.Concurrent;
import org.carecourse.testkit.PlatformInfra;
import org.carecourse.testkit.TestTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * What every service must show even before its domain exists: it starts on real PostgreSQL and
 * Kafka with its Flyway schema, Axon on the JDBC store with Spring transactions, open health
 * probes, token-protected metrics and API, the body limit, idempotent keyed writes, and the
 * admin views of its relay and dead letters.
 */
public abstract class RunnableServiceContract {

    protected static final String ADMIN = TestTokens.staff("admin", "admin", Set.of());
    /** Operations staff: they may read the metrics endpoint. */
    private static final String OPERATIONS = TestTokens.staff("ops", "operations", Set.of());
    private static final String AUDITOR = TestTokens.staff("auditor", "auditor", Set.of());
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

    /** A read staff run all day (a queue, a list, a record), for the concurrency checks. */
    public record BusyRead(String path, String token) {
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
        assertThat(context.getBean(JdbcClient.class).sql("""
                        select table_name from information_schema.tables where table_schema = current_schema()""")
                .query(String.class).list())
                .as("the kit's event store, snapshots, processor tokens and inbox, in the service's own schema")
                .contains("domain_event_entry", "snapshot_event_entry", "token_entry", "inbox_message");
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
        Api.Response metrics = api.get("/actuator/prometheus", OPERATIONS);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections");
    }

    @Test
    void theApiIsDocumentedAsOpenApiBehindAToken() {
        Api api = Api.onPort(port);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(401);
        Api.Response docs = api.get("/v3/api-docs", OPERATIONS);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"", "\"bearer\"");
        for (String path : documentedPaths()) {
            assertThat(docs.body()).contains(path);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsReadStoredOrPublished() {
        Api api = Api.onPort(port);
        awaitRelayCaughtUp(api);
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

    /**
     * Many simple clients write the whole body before reading: the refused rest is drained, so they
     * read the 413 (in UTF-8, as every problem answer) instead of a reset connection.
     */
    @Test
    void anOversizedBodyWrittenWholeBeforeTheAnswerIsReadGetsItsProblemInUtf8() throws Exception {
        byte[] body = ("{\"note\": \"" + "é".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/anything HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            java.io.InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int next;
            while (!head.toString().endsWith("\r\n\r\n") && (next = in.read()) != -1) {
                head.append((char) next);
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("Content-Type: application/problem+json;charset=UTF-8");
        }
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

    /**
     * Sixty-four clinicians at once on the service's busiest endpoints: every write (keyed and
     * unkeyed, each a new request) and every busy read. Each answers 2xx or 4xx well within the
     * pool's wait (no request waits out the pool, none needs a second connection), and they all
     * finish: nothing deadlocks.
     */
    @Test
    void sixtyFourClientsAtTheBusiestEndpointsAllAnswerWithoutWaitingOutThePool() throws Exception {
        List<KeyedWrite> writes = keyedWrites();
        List<BusyRead> reads = busyReads();
        Assumptions.assumeFalse(writes.isEmpty() && reads.isEmpty(), "this service has no endpoints with data yet");
        Api api = Api.onPort(port);
        int kinds = writes.size() + reads.size();
        AtomicInteger next = new AtomicInteger();
        double poolTimeouts = PlatformWiring.connectionTimeouts(context);
        List<long[]> answers = Concurrent.run(CLIENTS, () -> {
            int call = next.getAndIncrement();
            int kind = call % kinds;
            long start;
            Api.Response response;
            if (kind < writes.size()) {
                KeyedWrite write = writes.get(kind);
                Request request = write.fresh().get();
                start = System.nanoTime();
                response = call % 2 == 0
                        ? write.send(api, request, UUID.randomUUID().toString())
                        : api.send(write.method(), request.path(), request.body(), write.token());
            } else {
                BusyRead read = reads.get(kind - writes.size());
                start = System.nanoTime();
                response = api.get(read.path(), read.token());
            }
            return new long[] {response.status(), (System.nanoTime() - start) / 1_000_000};
        });
        assertThat(answers).allSatisfy(answer -> assertThat(answer[0]).as("status").isBetween(200L, 499L));
        assertThat(answers).allSatisfy(answer -> assertThat(answer[1]).as("ms to answer, below the pool's 5 s wait")
                .isLessThan(5_000L));
        assertThat(PlatformWiring.connectionTimeouts(context)).as("requests that waited out the pool").isEqualTo(poolTimeouts);
        var nested = context.getBean(MeterRegistry.class)
                .find("carecourse.datasource.nested.connections").counter();
        assertThat(nested == null ? 0 : nested.count()).as("requests that asked for a second connection").isZero();
    }

    /** The relay's lag is on the Prometheus endpoint and moves: it grows while the relay is paused, and drains. */
    @Test
    void theRelaysLagIsPublishedAndGrowsWhileItIsPausedThenDrains() {
        List<KeyedWrite> writes = keyedWrites();
        Assumptions.assumeTrue(publishesEvents() && !writes.isEmpty(), "this service publishes nothing yet");
        String relayName = relayName();
        var relay = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(relayName, StreamingEventProcessor.class).orElseThrow();
        Api api = Api.onPort(port);
        awaitRelayCaughtUp(api);
        relay.shutDown();
        try {
            for (int i = 0; i < 3; i++) {
                Request request = writes.get(0).fresh().get();
                Api.Response written = writes.get(0).send(api, request, UUID.randomUUID().toString());
                assertThat(written.status()).as(written.body()).isBetween(200, 299);
            }
            assertThat(relayLag(api, relayName)).as("events stored while the relay is paused").isGreaterThanOrEqualTo(3);
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(relayLag(api, relayName)).isZero());
        assertThat(api.get("/actuator/prometheus", OPERATIONS).body().lines()
                .filter(line -> line.startsWith("eventProcessor_latency") && line.contains("processorName=\"" + relayName + "\"")))
                .as("Axon's latency of the relay, beside its lag").isNotEmpty();
    }

    private String relayName() {
        return context.getEnvironment().getProperty("spring.application.name") + "-outbound";
    }

    /** Waits until the relay has passed on what earlier tests stored, so its ledger holds still. */
    private void awaitRelayCaughtUp(Api api) {
        if (publishesEvents()) {
            String relayName = relayName();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(relayLag(api, relayName)).isZero());
        }
    }

    private static double relayLag(Api api, String relayName) {
        Api.Response scrape = api.get("/actuator/prometheus", OPERATIONS);
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body().lines()
                .filter(line -> line.startsWith("carecourse_processor_lag_events{") && line.contains("processor=\"" + relayName + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no carecourse_processor_lag_events for " + relayName));
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
        awaitRelayCaughtUp(api);
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

    @Test
    void theApplicationRoleCannotRewriteStoredEventsAndATruncatedTailIsCaughtByTheSignedCheckpoint() {
        JdbcClient app = context.getBean(JdbcClient.class);
        assertThatThrownBy(() -> app.sql("update domain_event_entry set payload = payload where false").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.sql("delete from domain_event_entry where false").update()).rootCause().hasMessageContaining("permission denied");
        String stream = chainedStream();
        Assumptions.assumeTrue(stream != null, "this service chains no streams");
        assertThatThrownBy(() -> app.sql("delete from event_hash_chain where false").update()).rootCause().hasMessageContaining("permission denied");

        Api api = Api.onPort(port);
        String verification = "/api/audit/streams/" + stream + "/verification";
        assertThat(EventJson.tree(api.get(verification, AUDITOR).body()).get("intact").asBoolean()).isTrue();
        Api.Response anchored = api.post("/api/audit/checkpoints", "{}", AUDITOR);
        assertThat(anchored.status()).as(anchored.body()).isEqualTo(200);
        assertThat(api.post("/api/audit/checkpoints", "{}", ADMIN).status()).as("auditors anchor").isEqualTo(403);
        JsonNode before = EventJson.tree(api.get(verification, AUDITOR).body());
        assertThat(before.get("anchoredBy").asLong()).isEqualTo(EventJson.tree(anchored.body()).get("number").asLong());

        // Whoever holds the owner's credentials deletes the last event together with its link: the chain alone still
        // verifies, the checkpoint does not.
        JdbcClient owner = owner();
        long last = owner.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?").param(stream)
                .query(Long.class).single();
        owner.sql("delete from event_hash_chain where aggregate_identifier = ? and sequence_number = ?").params(stream, last).update();
        owner.sql("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = ?").params(stream, last).update();
        JsonNode truncated = EventJson.tree(api.get(verification, AUDITOR).body());
        assertThat(truncated.get("intact").asBoolean()).isFalse();
        assertThat(truncated.get("problem").asString()).contains("tail truncated");
        assertThat(truncated.get("firstBadPosition").asLong()).isEqualTo(last);
        assertThat(EventJson.tree(api.get("/api/audit/streams/verification", AUDITOR).body()).get("streams").valueStream()
                .filter(v -> v.get("streamId").asString().equals(stream)).findFirst().orElseThrow().get("intact").asBoolean()).isFalse();
    }

    /** A connection as the owner role that migrates: what an insider with those credentials could do. */
    protected JdbcClient owner() {
        PlatformInfra infra = PlatformInfra.get();
        return JdbcClient.create(new DriverManagerDataSource(context.getEnvironment().getProperty("spring.datasource.url"),
                infra.username(), infra.password()));
    }

    /** A stream of a chained aggregate type, made through the service's API; null if the service chains none. */
    protected String chainedStream() {
        return null;
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
    protected List<BusyRead> busyReads() {
        return List.of();
    }

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
