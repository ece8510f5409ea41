package org.carecourse.servicekit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every request meets before any parsing. A clinic's largest honest request (a protocol
 * version, a full screening history) is a few KiB; the default leaves a wide margin while one
 * anonymous megabyte post is refused before it costs a parser, a transaction or an event.
 *
 * @param maxBodySize the largest request body accepted; larger ones get 413 problem+json
 * @param maxDrainSize how much of a refused body is read and discarded before the 413, so a client
 *        that writes its whole body before reading (many simple ones) reads the answer instead of a
 *        reset connection; past it the connection is closed after answering
 */
@ConfigurationProperties("carecourse.web")
public record RequestLimits(@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("4MB") DataSize maxDrainSize) {
}
