package org.carecourse.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP/1.1 with a bearer token, as a clinic's browser or integration would call. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record Response(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String field(String name) {
            return json().get(name).asString();
        }
    }

    private Http() {
    }

    static Response send(String method, String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    static Response post(String url, String token, String body) throws IOException, InterruptedException {
        return send("POST", url, token, body);
    }

    static Response get(String url, String token) throws IOException, InterruptedException {
        return send("GET", url, token, null);
    }

    /** The call's response, failing loudly when it is not the expected status (set-up steps only). */
    static Response expect(int status, Response response, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + response.status() + " " + response.body());
        }
        return response;
    }
}
