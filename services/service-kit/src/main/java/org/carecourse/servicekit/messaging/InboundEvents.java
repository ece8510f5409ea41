package org.carecourse.servicekit.messaging;

import java.util.function.Consumer;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.UnknownEventTypeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one way inbound Kafka records take effect: parse the envelope, then in one transaction
 * record the event id in the inbox and apply the effect. A duplicate delivery has no second
 * effect; a failure rolls both back and the binder retries, then dead-letters the record.
 * Types this build does not know are skipped (a newer producer may add types to a topic).
 */
public class InboundEvents {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEvents.class);

    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    public InboundEvents(Inbox inbox, TransactionTemplate transaction, MeterRegistry meters) {
        this.inbox = inbox;
        this.transaction = transaction;
        this.meters = meters;
    }

    public void accept(String consumer, byte[] record, Consumer<IntegrationEvent<EventPayload>> effect) {
        IntegrationEvent<EventPayload> event;
        try {
            event = EventJson.read(record);
        } catch (UnknownEventTypeException e) {
            LOG.info("consumer {} skips unknown type {} v{}", consumer, e.type(), e.schemaVersion());
            count(consumer, "skipped");
            return;
        }
        try {
            boolean applied = Boolean.TRUE.equals(transaction.execute(status -> {
                if (!inbox.firstDelivery(consumer, event)) {
                    return false;
                }
                effect.accept(event);
                return true;
            }));
            count(consumer, applied ? "applied" : "duplicate");
            if (!applied) {
                LOG.debug("consumer {} ignored duplicate event {}", consumer, event.eventId());
            }
        } catch (RuntimeException e) {
            count(consumer, "failed");
            LOG.warn("consumer {} failed on event {} ({}): {}", consumer, event.eventId(), event.type(), e.toString());
            throw e;
        }
    }

    private void count(String consumer, String outcome) {
        meters.counter("carecourse.inbound.events", "consumer", consumer, "outcome", outcome).increment();
    }
}
