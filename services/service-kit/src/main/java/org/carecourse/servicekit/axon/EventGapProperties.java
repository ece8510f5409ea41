package org.carecourse.servicekit.axon;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the event store's readers treat gaps in the global index. A gap is an event whose append
 * transaction has not committed yet; a reader waits for it up to {@code gapTimeout}, then gives
 * up on it. So the timeout must exceed the longest write transaction, which the kit bounds with
 * PostgreSQL's {@code transaction_timeout} (20 s, see the kit defaults): an event can only be
 * given up on once its transaction can no longer commit.
 *
 * @param gapTimeout           how long a reader waits for a gap to fill
 * @param maxGapOffset         how far behind the newest event gaps are tracked
 * @param gapCleaningThreshold how many gaps a token keeps before stale ones are cleaned
 */
@ConfigurationProperties("carecourse.axon.gaps")
public record EventGapProperties(@DefaultValue("60s") Duration gapTimeout, @DefaultValue("10000") int maxGapOffset,
        @DefaultValue("250") int gapCleaningThreshold) {
}
