package org.carecourse.servicekit.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;

/**
 * An idle consumer commits its position: the relays write their batches in Kafka transactions
 * (ADR 0013), whose commit marker takes the offset after a batch's last record, and a consumer
 * commits only past the records it processed. Without this a group that has taken in everything
 * reads as one behind per transaction, on the dashboard's "events not yet shown" and in every
 * check that waits for consumers to catch up. Idle means nothing was returned for the idle
 * interval, so everything delivered has been processed; the event comes on the consumer's own
 * thread, where the consumer may be used.
 */
class IdleConsumerOffsets implements ApplicationListener<ListenerContainerIdleEvent> {

    /** Each consumer's position per partition when it was last looked at idle: unchanged means nothing to commit. */
    private final Map<String, Long> lookedAt = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ListenerContainerIdleEvent event) {
        Consumer<?, ?> consumer = event.getConsumer();
        Map<TopicPartition, Long> moved = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            Long before = lookedAt.put(event.getListenerId() + "/" + partition, position);
            if (before == null || before != position) {
                moved.put(partition, position);
            }
        }
        if (moved.isEmpty()) {
            return; // the usual idle tick of a quiet clinic: no round trip to the broker
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(moved.keySet());
        Map<TopicPartition, OffsetAndMetadata> past = new HashMap<>();
        moved.forEach((partition, position) -> {
            OffsetAndMetadata done = committed.get(partition);
            if (done != null && position > done.offset()) {
                past.put(partition, new OffsetAndMetadata(position));
            }
        });
        if (!past.isEmpty()) {
            consumer.commitAsync(past, null);
        }
    }
}
