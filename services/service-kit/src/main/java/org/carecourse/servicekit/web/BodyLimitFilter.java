package org.carecourse.servicekit.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (413 problem+json) a request body over {@link RequestLimits#maxBodySize()} before it
 * is parsed: by its declared length at once, and by counting for chunked bodies that declare
 * none. Bodies within the limit are kept in memory as a {@link CachedBodyRequest}. The rest of a
 * refused body is read and discarded up to {@link RequestLimits#maxDrainSize()} before answering,
 * so the client can read the 413; beyond that the connection is closed.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxDrainBytes;

    public BodyLimitFilter(RequestLimits limits) {
        this.maxBytes = limits.maxBodySize().toBytes();
        this.maxDrainBytes = limits.maxDrainSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response, request.getContentLengthLong() <= maxDrainBytes && drained(request.getInputStream(), maxDrainBytes));
            return;
        }
        if (!mayHaveBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes);
        if (body == null) {
            tooLarge(response, drained(request.getInputStream(), maxDrainBytes - maxBytes));
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean mayHaveBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    /** The whole body, or null as soon as it passes the limit (the rest is never read). */
    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() + read > maxBytes) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** Reads and discards the rest of the body; true when it ended within {@code atMost} bytes. */
    private static boolean drained(InputStream in, long atMost) throws IOException {
        byte[] buffer = new byte[8192];
        long left = atMost;
        int read;
        while ((read = in.read(buffer, 0, (int) Math.min(buffer.length, Math.max(1, left)))) != -1) {
            left -= read;
            if (left < 0) {
                return false;
            }
        }
        return true;
    }

    private void tooLarge(HttpServletResponse response, boolean bodyDrained) throws IOException {
        if (!bodyDrained) {
            // The rest of the body is larger than is worth reading: close the connection after answering.
            response.setHeader("Connection", "close");
        }
        ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE,
                "the request body is larger than the " + maxBytes + " bytes this service accepts");
    }
}
