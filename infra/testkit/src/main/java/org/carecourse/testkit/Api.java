package org.carecourse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP client for driving a running service over its real port in tests: no mocked
 * servlet layer, so the security filter chain and error handling are exercised as deployed.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Api onPort(int port) {
        return new Api("http://localhost:" + port);
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String json, String token) {
        return send("POST", path, json, token);
    }

    /** A JSON body sent with any method. */
    public Response send(String method, String path, String json, String token) {
        return send(json(method, path, json, token));
    }

    /** A JSON body with headers of the caller's own, e.g. {@code X-Correlation-Id}. */
    public Response send(String method, String path, String json, String token, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = json(method, path, json, token);
        headers.forEach(builder::header);
        return send(builder);
    }

    /** A write ({@code POST} or {@code PUT}) with an {@code Idempotency-Key}, as a client that may retry sends it. */
    public Response sendKeyed(String method, String path, String json, String token, String idempotencyKey) {
        return send(json(method, path, json, token).header("Idempotency-Key", idempotencyKey));
    }

    /** A body sent in chunks, declaring no length (as a streaming client sends it). */
    public Response postChunked(String path, byte[] body, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    public Response put(String path, String json, String token) {
        return send("PUT", path, json, token);
    }

    private HttpRequest.Builder json(String method, String path, String json, String token) {
        return request(path, token).header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType, Map<String, List<String>> headers) {

        /** The first value of a response header (names are case-insensitive), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }
    }
}
