package org.carecourse.servicekit.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.carecourse.servicekit.idempotency.IdempotencyStore.StoredRequest;
import org.carecourse.servicekit.web.CachedBodyRequest;
import org.carecourse.servicekit.web.HeaderValues;
import org.carecourse.servicekit.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A write sent with an {@code Idempotency-Key} header takes effect once. The request runs in one
 * transaction that also claims the key and keeps the response: the commands it sends (Axon joins
 * the transaction) and the key commit together or not at all, so a retry after a timeout, a lost
 * response or a crash either finds the key and gets the first response back, or finds nothing
 * and runs for the first time. Only successful responses are kept; a refusal changed nothing
 * and may be retried. The same key with another body is refused (422).
 *
 * <p>A keyed request that lost a race for an aggregate to a concurrent command is run again (it
 * rolled back entirely), up to {@link IdempotencyProperties#conflictAttempts()} times.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Set by the problem handlers when a command lost an Axon concurrency conflict. */
    public static final String CONFLICT_ATTRIBUTE = IdempotencyFilter.class.getName() + ".conflict";
    static final int MAX_KEY_LENGTH = 255;

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final IdempotencyStore store;
    private final TransactionTemplate transaction;
    private final int attempts;
    private final List<String> selfCommittingPaths;

    public IdempotencyFilter(IdempotencyStore store, TransactionTemplate transaction, IdempotencyProperties properties) {
        this.store = store;
        this.transaction = transaction;
        this.attempts = Math.max(1, properties.conflictAttempts());
        this.selfCommittingPaths = List.copyOf(properties.selfCommittingPaths());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Optional<CachedBodyRequest> cached = CachedBodyRequest.find(request);
        if (key == null || cached.isEmpty() || selfCommitting(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!HeaderValues.isVisibleToken(key, MAX_KEY_LENGTH)) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "the Idempotency-Key header must be 1 to "
                    + MAX_KEY_LENGTH + " visible ASCII characters", Map.of("errors",
                    List.of(Map.of("field", HEADER, "message", "invalid key"))));
            return;
        }
        String principal = principal();
        byte[] hash = hash(request, cached.get().body());
        for (int attempt = 1; ; attempt++) {
            ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
            Outcome outcome;
            try {
                outcome = transaction.execute(status -> {
                    Optional<StoredRequest> earlier = store.claim(principal, key, hash);
                    if (earlier.isPresent()) {
                        status.setRollbackOnly();
                        return Outcome.replayOf(earlier.get());
                    }
                    run(chain, request, buffered);
                    int code = buffered.getStatus();
                    if (code >= 200 && code < 300) {
                        store.complete(principal, key, code, buffered.getContentType(), buffered.getHeader("Location"),
                                buffered.getContentAsByteArray());
                        return Outcome.finished();
                    }
                    status.setRollbackOnly();
                    return request.getAttribute(CONFLICT_ATTRIBUTE) != null ? Outcome.lostRace() : Outcome.finished();
                });
            } catch (ChainFailure failure) {
                failure.rethrow();
                return;
            } catch (CannotCreateTransactionException e) {
                // No connection to claim the key with (the database away, the pool exhausted): nothing ran.
                response.reset();
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE,
                        "the service is busy or its database is unavailable; nothing was changed, send it again with the same key");
                return;
            } catch (TransactionException e) {
                // The commit itself failed (e.g. a concurrent writer): nothing took effect.
                outcome = Outcome.lostRace();
            }
            if (outcome.conflicted() && attempt < attempts) {
                request.removeAttribute(CONFLICT_ATTRIBUTE);
                response.reset();
                continue;
            }
            if (outcome.conflicted() && buffered.getStatus() < 400) {
                response.reset();
                ProblemResponses.write(response, HttpStatus.CONFLICT,
                        "the request conflicted with a concurrent change and took no effect; send it again with the same key",
                        Map.of("rule", "concurrent-modification"));
                return;
            }
            if (outcome.earlier() != null) {
                replay(outcome.earlier(), hash, response);
                return;
            }
            buffered.copyBodyToResponse();
            return;
        }
    }

    private boolean selfCommitting(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return selfCommittingPaths.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new ChainFailure(e);
        }
    }

    private static void replay(StoredRequest earlier, byte[] hash, HttpServletResponse response) throws IOException {
        if (!Arrays.equals(earlier.requestHash(), hash)) {
            ProblemResponses.write(response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "this Idempotency-Key was used for a different request; use a new key for a new request",
                    Map.of("rule", "idempotency-key-reused"));
            return;
        }
        response.setStatus(earlier.status());
        if (earlier.contentType() != null) {
            response.setContentType(earlier.contentType());
        }
        if (earlier.location() != null) {
            response.setHeader("Location", earlier.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        if (earlier.body() != null) {
            response.getOutputStream().write(earlier.body());
        }
    }

    private static String principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() ? authentication.getName() : "anonymous";
    }

    /** What makes two requests "the same": method, path with query, and body bytes. */
    private static byte[] hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            if (request.getQueryString() != null) {
                digest.update((byte) '?');
                digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) '\n');
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Outcome(StoredRequest earlier, boolean conflicted) {
        static Outcome replayOf(StoredRequest earlier) {
            return new Outcome(earlier, false);
        }

        static Outcome finished() {
            return new Outcome(null, false);
        }

        static Outcome lostRace() {
            return new Outcome(null, true);
        }
    }

    /** Carries a checked failure of the filter chain out of the transaction callback. */
    private static final class ChainFailure extends RuntimeException {
        private final Exception cause;

        ChainFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }

        void rethrow() throws IOException, ServletException {
            if (cause instanceof IOException io) {
                throw io;
            }
            throw (ServletException) cause;
        }
    }
}
