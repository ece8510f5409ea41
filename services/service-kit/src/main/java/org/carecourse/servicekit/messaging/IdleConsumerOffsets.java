package org.carecourse.servicekit.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

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

    @Override
    public void onApplicationEvent(ListenerContainerIdleEvent event) {
        Consumer<?, ?> consumer = event.getConsumer();
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
        Map<TopicPartition, OffsetAndMetadata> past = new HashMap<>();
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata done = committed.get(partition);
            long position = consumer.position(partition);
            if (done != null && position > done.offset()) {
                past.put(partition, new OffsetAndMetadata(position));
            }
        }
        if (!past.isEmpty()) {
            consumer.commitAsync(past, null);
        }
    }
}
