package org.carecourse.servicekit.messaging;

import java.nio.charset.StandardCharsets;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.IntegrationEvent;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes integration events to their topic, keyed so that one patient's events keep their
 * order. Producers are synchronous (see the kit defaults): a send that is not acknowledged
 * throws, so the calling streaming processor retries from its token and nothing is lost.
 */
public class IntegrationEventPublisher {

    private final StreamBridge streamBridge;

    public IntegrationEventPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    public void publish(IntegrationEvent<?> event) {
        Message<byte[]> message = MessageBuilder.withPayload(EventJson.writeBytes(event))
                .setHeader(KafkaHeaders.KEY, event.partitionKey().getBytes(StandardCharsets.UTF_8))
                .setHeader("carecourse-event-type", event.type())
                .setHeader("carecourse-event-id", event.eventId().toString())
                .build();
        if (!streamBridge.send(event.topic(), message)) {
            throw new IllegalStateException("event " + event.eventId() + " was not accepted by " + event.topic());
        }
    }
}
