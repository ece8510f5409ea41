package org.carecourse.servicekit.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Validator;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.IntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes integration events to their topic, keyed so that one patient's events keep their
 * order. Producers are synchronous (see the kit defaults): a send that is not acknowledged
 * throws, so the calling streaming processor retries from its token and nothing is lost.
 *
 * <p>An event that can never be published as it is (over the size budget, refused by the broker
 * as too large, not serializable) is parked instead, with its reason, in the relay's own
 * transaction: one bad event must not stall every event behind it. Transient failures (broker
 * down, timeouts) still throw and are retried in order.
 */
public class IntegrationEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationEventPublisher.class);

    private final StreamBridge streamBridge;
    private final OutboundLedger ledger;
    private final MeterRegistry meters;
    private final Validator validator;
    private final long maxEventBytes;

    public IntegrationEventPublisher(StreamBridge streamBridge, OutboundLedger ledger, MeterRegistry meters,
            Validator validator, OutboundProperties properties) {
        this.streamBridge = streamBridge;
        this.ledger = ledger;
        this.meters = meters;
        this.validator = validator;
        this.maxEventBytes = properties.maxEventBytes().toBytes();
    }

    public void publish(IntegrationEvent<?> event) {
        String violations = ContractViolations.of(validator, event);
        if (violations != null) {
            park(event, null, "breaks its contract: " + violations);
            return;
        }
        byte[] json;
        try {
            json = EventJson.writeBytes(event);
        } catch (RuntimeException e) {
            park(event, null, "not serializable: " + e);
            return;
        }
        if (json.length > maxEventBytes) {
            park(event, json, "over the size budget: " + json.length + " bytes, budget " + maxEventBytes);
            return;
        }
        try {
            send(event.topic(), event.partitionKey(), event.type(), event.eventId().toString(), json);
        } catch (RuntimeException e) {
            Throwable permanent = permanentCause(e);
            if (permanent == null) {
                throw e;
            }
            park(event, json, "refused by the broker: " + permanent);
            return;
        }
        ledger.published(event.eventId(), event.topic());
    }

    /** Sends prepared bytes as they are (used to re-publish a parked event). */
    void send(String topic, String partitionKey, String type, String eventId, byte[] json) {
        Message<byte[]> message = MessageBuilder.withPayload(json)
                .setHeader(KafkaHeaders.KEY, partitionKey.getBytes(StandardCharsets.UTF_8))
                .setHeader("carecourse-event-type", type)
                .setHeader("carecourse-event-id", eventId)
                .build();
        if (!streamBridge.send(topic, message)) {
            throw new IllegalStateException("event " + eventId + " was not accepted by " + topic);
        }
    }

    long maxEventBytes() {
        return maxEventBytes;
    }

    private void park(IntegrationEvent<?> event, byte[] json, String reason) {
        ledger.park(event, json, reason);
        meters.counter("carecourse.outbound.parked", "topic", event.topic(), "type", event.type()).increment();
        LOG.error("parked event {} ({} to {}): {}", event.eventId(), event.type(), event.topic(), reason);
    }

    /** The failure that no retry can cure, if that is what this is. */
    static Throwable permanentCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof SerializationException || cause instanceof InvalidTopicException) {
                return cause;
            }
        }
        return null;
    }
}
