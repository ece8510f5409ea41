package org.carecourse.servicekit.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The keys of requests that took effect, with the response each first got. */
public class IdempotencyStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyStore(JdbcClient jdbc, Clock clock, Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Claims the key inside the request's transaction: empty if it is new here (the claim commits
     * with the request's effects or not at all), else the request that holds it. A concurrent
     * holder still in flight makes this wait for its outcome, so two copies never both run.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<StoredRequest> claim(String principal, String key, byte[] requestHash) {
        jdbc.sql("delete from idempotency_key where principal = ? and idempotency_key = ? and expires_at < ?")
                .params(principal, key, Timestamp.from(clock.instant())).update();
        int claimed = jdbc.sql("""
                        insert into idempotency_key (principal, idempotency_key, request_hash, expires_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(principal, key, requestHash, Timestamp.from(clock.instant().plus(retention)))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select request_hash, status, content_type, location, response_body from idempotency_key
                        where principal = ? and idempotency_key = ?""")
                .params(principal, key)
                .query((rs, n) -> new StoredRequest(rs.getBytes("request_hash"), rs.getInt("status"),
                        rs.getString("content_type"), rs.getString("location"), rs.getBytes("response_body")))
                .optional();
    }

    /** Keeps the response of the request that claimed the key, in the same transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(String principal, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                        update idempotency_key set status = ?, content_type = ?, location = ?, response_body = ?
                        where principal = ? and idempotency_key = ?""")
                .params(status, contentType, location, body, principal, key)
                .update();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void forgetExpired() {
        jdbc.sql("delete from idempotency_key where expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }

    public record StoredRequest(byte[] requestHash, int status, String contentType, String location, byte[] body) {
    }
}
