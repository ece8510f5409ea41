package org.carecourse.servicekit.idempotency;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention        how long a key and its first response are kept; a repeat after that
 *                         is treated as a new request
 * @param conflictAttempts how often a keyed request is run again when it lost a race for an
 *                         aggregate (an Axon concurrency conflict) before answering 409
 * @param selfCommittingPaths endpoints (Ant patterns) that commit in steps of their own and are
 *                         idempotent by construction, e.g. a dead-letter replay whose every record
 *                         takes effect in its own transaction behind the inbox: they do not run in
 *                         a key's transaction (which would hold a connection while each step takes
 *                         another), and a repeat runs again, with no second effect
 */
@ConfigurationProperties("carecourse.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("3") int conflictAttempts,
        @DefaultValue("/api/admin/dead-letters/*/replay") List<String> selfCommittingPaths) {
}
