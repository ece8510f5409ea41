package org.carecourse.servicekit.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention        how long a key and its first response are kept; a repeat after that
 *                         is treated as a new request
 * @param conflictAttempts how often a keyed request is run again when it lost a race for an
 *                         aggregate (an Axon concurrency conflict) before answering 409
 */
@ConfigurationProperties("carecourse.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("3") int conflictAttempts) {
}
