package org.carecourse.servicekit.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.validation.Validator;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.carecourse.contracts.EventJson;
import org.carecourse.contracts.IntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.SendResult;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes integration events to their topic, keyed so that one patient's events keep their
 * order. Within a relay batch (one Axon unit of work) every event is sent at once and the batch
 * then waits for all acknowledgements before its transaction commits: an event not acknowledged
 * fails the batch, which the streaming processor retries from its token, so nothing is lost and
 * a repeat is absorbed by the consumers' inboxes.
 *
 * <p>An event that can never be published as it is (over the size budget, refused by the broker
 * as too large, not serializable) is parked instead, with its reason, in the relay's own
 * transaction: one bad event must not stall every event behind it. Transient failures (broker
 * down, timeouts) still fail the batch and are retried in order.
 */
public class IntegrationEventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationEventPublisher.class);
    private static final String PENDING = IntegrationEventPublisher.class.getName() + ".pending";
    /**
     * A little longer than the producer's delivery timeout (10 s, so the producer answers first)
     * and shorter than PostgreSQL's transaction_timeout (20 s): while the broker is away the
     * relay's transaction fails and is retried from its token instead of being killed, or its
     * thread interrupted by Axon's unit-of-work timeout, which would stop the relay for good.
     */
    private static final long ACK_WAIT_SECONDS = 12;

    private final OutboundProducer producer;
    private final OutboundLedger ledger;
    private final MeterRegistry meters;
    private final Validator validator;
    private final long maxEventBytes;

    private record Pending(IntegrationEvent<?> event, byte[] json, CompletableFuture<SendResult<byte[], byte[]>> ack) {
    }

    public IntegrationEventPublisher(OutboundProducer producer, OutboundLedger ledger, MeterRegistry meters,
            Validator validator, OutboundProperties properties) {
        this.producer = producer;
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
        Pending pending;
        try {
            pending = new Pending(event, json, producer.send(event.topic(), event.partitionKey(), event.type(),
                    event.eventId().toString(), json));
        } catch (RuntimeException e) {
            pending = new Pending(event, json, CompletableFuture.failedFuture(e));
        }
        if (CurrentUnitOfWork.isStarted()) {
            pendingOf(CurrentUnitOfWork.get()).add(pending);
        } else {
            settle(List.of(pending));
        }
    }

    /** The unit of work's sends, settled once before it commits. */
    private List<Pending> pendingOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, key -> {
            List<Pending> sends = new ArrayList<>();
            root.onPrepareCommit(u -> settle(sends));
            return sends;
        });
    }

    /** Waits for every acknowledgement: records the published, parks the unpublishable, fails on anything else. */
    private void settle(List<Pending> sends) {
        for (Pending pending : sends) {
            try {
                pending.ack().get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                Throwable permanent = permanentCause(e.getCause());
                if (permanent == null) {
                    throw new IllegalStateException("event " + pending.event().eventId() + " was not acknowledged by "
                            + pending.event().topic(), e.getCause());
                }
                park(pending.event(), pending.json(), "refused by the broker: " + permanent);
                continue;
            } catch (TimeoutException e) {
                throw new IllegalStateException("event " + pending.event().eventId() + " was not acknowledged in time", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for event " + pending.event().eventId(), e);
            }
            ledger.published(pending.event().eventId(), pending.event().topic());
        }
    }

    /** Sends prepared bytes as they are and waits for the acknowledgement (used to re-publish a parked event). */
    void send(String topic, String partitionKey, String type, String eventId, byte[] json) {
        try {
            producer.send(topic, partitionKey, type, eventId, json).get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("event " + eventId + " was not acknowledged in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending event " + eventId, e);
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
