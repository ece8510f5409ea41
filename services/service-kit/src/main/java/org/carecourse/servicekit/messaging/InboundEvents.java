package org.carecourse.servicekit.messaging;

import java.util.function.Consumer;

import jakarta.validation.Validator;

import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.MalformedEventException;
import org.carecourse.contracts.UnknownEventTypeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one way inbound Kafka records take effect: parse the envelope, check it against its
 * contract, then in one transaction record the event id in the inbox and apply the effect. A
 * duplicate delivery has no second effect; a failure rolls both back.
 *
 * <p>What happens next depends on the failure (see the kit defaults): a record that can never
 * take effect (malformed, an unknown type or version, over its contract's limits, a business
 * rule that refuses it) goes to the dead-letter topic at once, where it waits to be replayed
 * after a fix; anything else (database down, timeouts, lock and concurrency conflicts) is
 * retried in place with growing back-off for many minutes, holding back the partition's later
 * records so their order is kept.
 */
public class InboundEvents {

    private static final Logger LOG = LoggerFactory.getLogger(InboundEvents.class);

    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final Validator validator;

    public InboundEvents(Inbox inbox, TransactionTemplate transaction, MeterRegistry meters, Validator validator) {
        this.inbox = inbox;
        this.transaction = transaction;
        this.meters = meters;
        this.validator = validator;
    }

    /**
     * Applies the record when its payload is one the consumer acts on; any other type is read and
     * checked against its contract like the rest, then acknowledged with no transaction (counted as
     * {@code ignored}).
     */
    public void accept(String consumer, byte[] record, InboundEffects effects) {
        IntegrationEvent<EventPayload> event = read(consumer, record);
        if (!effects.actsOn(event.payload())) {
            count(consumer, "ignored");
            return;
        }
        apply(consumer, event, effects::apply);
    }

    private IntegrationEvent<EventPayload> read(String consumer, byte[] record) {
        IntegrationEvent<EventPayload> event;
        try {
            event = EventJson.read(record);
        } catch (UnknownEventTypeException e) {
            // Dead-lettered, not skipped: once this build learns the type, a replay applies it.
            count(consumer, "unknown-type");
            LOG.warn("consumer {} cannot read type {} v{}; dead-lettering it", consumer, e.type(), e.schemaVersion());
            throw e;
        } catch (MalformedEventException e) {
            count(consumer, "malformed");
            throw e;
        }
        String violations = ContractViolations.of(validator, event);
        if (violations != null) {
            count(consumer, "malformed");
            throw new MalformedEventException("event " + event.eventId() + " breaks its contract: " + violations, null);
        }
        return event;
    }

    private void apply(String consumer, IntegrationEvent<EventPayload> event, Consumer<IntegrationEvent<EventPayload>> effect) {
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
