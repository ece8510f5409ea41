package org.carecourse.servicekit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * The relay's Kafka producer: keyed records, acknowledged by all in-sync replicas, idempotent,
 * sent without lingering, and <em>transactional</em>: each relay batch is one Kafka transaction
 * ({@link Batch}), which consumers (reading committed records only) see whole or not at all. A
 * batch that fails part-way, e.g. while the broker is away, is aborted and sent again from the
 * relay's token in a new transaction, so no record of a retried batch can be seen after a later
 * one: after a broker outage the idempotent producer alone could let a later event of a
 * partition land before the retry of an earlier one. Connection settings are the Kafka binder's
 * ({@code spring.cloud.stream.kafka.binder.*}), so consumers and the relay always talk to the
 * same brokers.
 *
 * <p>Topics are created before the first record is sent to them, with the binder's partition
 * count: a topic created by the broker on first use would get its default partition count, and
 * adding partitions later moves keys, i.e. breaks each patient's order.
 */
public class OutboundProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundProducer.class);

    private final DefaultKafkaProducerFactory<byte[], byte[]> factory;
    private final Map<String, Object> adminSettings;
    private final int partitions;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    /**
     * @param transactionIdPrefix unique to this instance of the service: the relay is one thread,
     *                            and which instance runs it is decided by its token claim, not by
     *                            fencing on a shared transactional id
     */
    public OutboundProducer(String brokers, Map<String, String> producerProperties, int partitions, String transactionIdPrefix) {
        Map<String, Object> settings = new HashMap<>(producerProperties);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Several requests in flight keep their order within a transaction (idempotent sequences);
        // a batch that fails part-way is aborted whole and sent again (ADR 0013), so a reset of
        // sequences after an outage can no longer reorder what consumers see.
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // A send fails within 10 s when the broker is away, so the relay's transaction ends (and is
        // retried from its token) well before PostgreSQL's transaction_timeout (20 s) or Axon's
        // unit-of-work timeout (60 s, which interrupts the thread and stops the processor).
        settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        settings.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.factory = new DefaultKafkaProducerFactory<>(settings);
        this.factory.setTransactionIdPrefix(transactionIdPrefix);
        this.adminSettings = Map.of("bootstrap.servers", brokers);
        this.partitions = partitions;
    }

    /** Opens a Kafka transaction for one relay batch. */
    Batch begin() {
        Producer<byte[], byte[]> producer = factory.createProducer();
        try {
            producer.beginTransaction();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        return new Batch(producer);
    }

    /**
     * One relay batch's Kafka transaction. Its sends are acknowledged one by one; consumers see
     * them when it commits, and never if it aborts. Closing a batch that did not commit aborts it.
     */
    final class Batch implements AutoCloseable {

        private final Producer<byte[], byte[]> producer;
        /** Sends in the order they failed: a failure that fails the transaction fails the sends queued behind it after it. */
        private final Queue<CompletableFuture<RecordMetadata>> failedInOrder = new ConcurrentLinkedQueue<>();
        private boolean open = true;

        private Batch(Producer<byte[], byte[]> producer) {
            this.producer = producer;
        }

        CompletableFuture<RecordMetadata> send(String topic, String partitionKey, String type, String eventId, byte[] json) {
            CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
            try {
                provision(topic);
                producer.send(new ProducerRecord<>(topic, null, partitionKey.getBytes(StandardCharsets.UTF_8), json,
                        List.of(new RecordHeader("carecourse-event-type", type.getBytes(StandardCharsets.UTF_8)),
                                new RecordHeader("carecourse-event-id", eventId.getBytes(StandardCharsets.UTF_8)))),
                        (metadata, failure) -> {
                            if (failure != null) {
                                failedInOrder.add(ack);
                                ack.completeExceptionally(failure);
                            } else {
                                ack.complete(metadata);
                            }
                        });
            } catch (RuntimeException e) {
                failedInOrder.add(ack);
                ack.completeExceptionally(e);
            }
            return ack;
        }

        /** The batch's failed sends, earliest failure first (complete once every send has been waited for). */
        List<CompletableFuture<RecordMetadata>> failedInOrder() {
            return List.copyOf(failedInOrder);
        }

        /** Makes every send of the batch visible at once. */
        void commit() {
            producer.commitTransaction();
            open = false;
        }

        /** Discards every send of the batch (consumers never see them). */
        void abort() {
            if (!open) {
                return;
            }
            open = false;
            try {
                producer.abortTransaction();
            } catch (RuntimeException e) {
                // The broker may be away; the transaction then times out on its side and is aborted there.
                LOG.warn("could not abort the relay's Kafka transaction: {}", e.toString());
            }
        }

        @Override
        public void close() {
            abort();
            producer.close(Duration.ZERO);
        }
    }

    private void provision(String topic) {
        if (provisioned.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(adminSettings)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer while creating topic " + topic, e);
        }
        provisioned.add(topic);
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
