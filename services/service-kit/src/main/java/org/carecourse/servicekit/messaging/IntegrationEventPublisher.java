package org.carecourse.servicekit.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.validation.Validator;

import org.apache.kafka.clients.producer.RecordMetadata;
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

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes integration events to their topic, keyed so that one patient's events keep their
 * order. A relay batch (one Axon unit of work) is one Kafka transaction: every event is sent at
 * once, and before the relay's database transaction commits, every acknowledgement is awaited and
 * the Kafka transaction committed. An event not acknowledged fails the batch: its Kafka
 * transaction is aborted (consumers, reading committed records only, never see any of it) and the
 * streaming processor retries it from its token, so nothing is lost, nothing is seen out of
 * order, and a batch committed to Kafka whose database commit then failed is repeated whole and
 * absorbed by the consumers' inboxes.
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

    private record Pending(IntegrationEvent<?> event, byte[] json, CompletableFuture<RecordMetadata> ack) {
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
        if (CurrentUnitOfWork.isStarted()) {
            batchOf(CurrentUnitOfWork.get()).send(event, json);
            return;
        }
        try (RelayBatch batch = new RelayBatch()) {
            batch.send(event, json);
            batch.settle();
        }
    }

    /** The unit of work's batch, settled once before it commits and closed (aborted unless committed) when it ends. */
    private RelayBatch batchOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, key -> {
            RelayBatch batch = new RelayBatch();
            root.onPrepareCommit(u -> batch.settle());
            root.onCleanup(u -> batch.close());
            return batch;
        });
    }

    /** The events of one relay batch, sent in one Kafka transaction as they come. */
    private final class RelayBatch implements AutoCloseable {

        private final List<Pending> sends = new ArrayList<>();
        private OutboundProducer.Batch transaction;

        void send(IntegrationEvent<?> event, byte[] json) {
            if (transaction == null) {
                transaction = producer.begin();
            }
            sends.add(new Pending(event, json, transaction.send(event.topic(), event.partitionKey(), event.type(),
                    event.eventId().toString(), json)));
        }

        /**
         * Waits for every acknowledgement, then commits the Kafka transaction and notes what was
         * published. A send the broker refuses for good fails the whole Kafka transaction: the
         * refused events are parked and the others sent again, in order, in a new one. Any other
         * failure is thrown, so the relay's unit of work rolls back and the batch is retried.
         */
        void settle() {
            RuntimeException failed = null;
            for (Pending pending : sends) {
                try {
                    pending.ack().get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (failed == null) {
                        failed = new IllegalStateException("event " + pending.event().eventId() + " was not acknowledged by "
                                + pending.event().topic(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("event " + pending.event().eventId() + " was not acknowledged in time", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for event " + pending.event().eventId(), e);
                }
            }
            List<Pending> refused = refusedForGood();
            if (!refused.isEmpty()) {
                // The refusal failed the whole Kafka transaction (the sends after it too): the others go again, in order.
                List<Pending> others = sends.stream().filter(pending -> !refused.contains(pending)).toList();
                close();
                sends.clear();
                others.forEach(pending -> send(pending.event(), pending.json()));
                settle();
                return;
            }
            if (failed != null) {
                throw failed;
            }
            if (transaction != null) {
                transaction.commit();
            }
            sends.forEach(pending -> ledger.published(pending.event().eventId(), pending.event().topic()));
        }

        /**
         * The sends the broker refused for good. A failure fails the whole transaction, and the
         * sends queued behind it then fail with that same failure: only the send that met it first
         * is refused; the others go again.
         */
        private List<Pending> refusedForGood() {
            if (transaction == null) {
                return List.of();
            }
            Set<Throwable> met = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Pending> refused = new ArrayList<>();
            for (CompletableFuture<RecordMetadata> ack : transaction.failedInOrder()) {
                Throwable failure = ack.handle((metadata, error) -> error).join();
                Pending pending = sends.stream().filter(send -> send.ack() == ack).findFirst().orElseThrow();
                if (met.add(failure) && isPermanent(failure)) {
                    park(pending.event(), pending.json(), "refused by the broker: " + failure);
                    refused.add(pending);
                }
            }
            return refused;
        }

        /** Aborts the Kafka transaction unless it committed. */
        @Override
        public void close() {
            if (transaction != null) {
                transaction.close();
                transaction = null;
            }
        }
    }

    /** Sends prepared bytes as they are, in a Kafka transaction of their own, and waits for the commit (re-publishing a parked event). */
    void send(String topic, String partitionKey, String type, String eventId, byte[] json) {
        try (OutboundProducer.Batch batch = producer.begin()) {
            batch.send(topic, partitionKey, type, eventId, json).get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
            batch.commit();
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

    /**
     * Whether no retry can cure this send's own failure. Only the failure itself counts: a send
     * refused because an earlier one already failed its transaction carries that failure as its
     * cause, and is sent again.
     */
    static boolean isPermanent(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof SerializationException || failure instanceof InvalidTopicException;
    }
}
