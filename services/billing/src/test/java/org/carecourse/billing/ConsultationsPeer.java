package org.carecourse.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * Consultations as billing's superbill meets it over HTTP: {@code GET /api/patients/{id}} answers
 * the demographics consultations' API returns (its response shape), and remembers each request's
 * path, query and Authorization header so a test can see whose token asked and why. Consultations
 * itself answers the same in the whole platform's test (LocalPlatformIT).
 */
final class ConsultationsPeer {

    static final String DEMOGRAPHICS = """
            {"patientId": "%s", "givenName": "Ana", "familyName": "Lopez", "dateOfBirth": "1985-04-12", "sex": "female",
             "phone": "+1 303 555 0101", "email": null, "homeClinicId": "11111111-1111-4111-8111-111111111111",
             "registeredAt": "2026-11-04T16:20:00Z",
             "address": {"line1": "12 Elm St", "line2": "Apt 3", "city": "Denver", "state": "CO", "postalCode": "80203"}}""";

    /** Each request seen: "path?query Authorization". */
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final HttpServer SERVER = start();

    private ConsultationsPeer() {
    }

    static String url() {
        return "http://localhost:" + SERVER.getAddress().getPort();
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/patients/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                REQUESTS.add(path + "?" + exchange.getRequestURI().getQuery() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = DEMOGRAPHICS.formatted(path.substring(path.lastIndexOf('/') + 1)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
