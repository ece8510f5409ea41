package org.carecourse.servicekit.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxEventBytes the size budget of one integration event as JSON. Events carry ids and
 *                      codes, a few hundred bytes; the budget sits far below Kafka's 1 MiB
 *                      {@code max.request.size}, so an event that slipped past input bounds is
 *                      parked at once instead of being refused by the broker on every retry.
 * @param batchSize     how many stored events the relay passes on in one transaction (one token
 *                      update): under load a batch amortises the commit, idle it is one event.
 */
@ConfigurationProperties("carecourse.outbound")
public record OutboundProperties(@DefaultValue("64KB") DataSize maxEventBytes, @DefaultValue("100") int batchSize) {
}
