package org.carecourse.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local platform's services as the demo staff call them: over HTTP, with a token from the
 * local issuer for each demo user (fetched once, they last hours). Nothing is written behind a
 * service's back.
 */
final class DemoApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalPorts ports;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    DemoApi(LocalPorts ports) {
        this.ports = ports;
    }

    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A call as the demo user, with an {@code Idempotency-Key} when one is given. */
    Answer send(String user, String method, String service, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + ports.service(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return exchange(request.build());
    }

    Answer send(String user, String method, String service, String path, Object body) {
        return send(user, method, service, path, body, null);
    }

    /** A call that must answer {@code expected}; anything else stops the caller with what the service said. */
    JsonNode call(String user, String method, String service, String path, Object body, int expected) {
        Answer answer = send(user, method, service, path, body);
        if (answer.status() != expected) {
            throw new IllegalStateException(method + " " + service + path + " as " + user + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer.body().isBlank() ? JSON.nullNode() : answer.json();
    }

    /** A token for a demo user from the local issuer (client credentials; each demo user's secret is their user id). */
    String token(String user) {
        return tokens.computeIfAbsent(user, this::fetchToken);
    }

    private String fetchToken(String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        Answer answer = exchange(HttpRequest.newBuilder(URI.create(ports.issuerUri() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());
        if (answer.status() != 200) {
            throw new IllegalStateException("the issuer refused a token for " + user + ": " + answer.status());
        }
        return answer.json().get("access_token").asString();
    }

    private static Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
