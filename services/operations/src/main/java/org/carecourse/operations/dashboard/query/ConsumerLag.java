package org.carecourse.operations.dashboard.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.carecourse.servicekit.messaging.KafkaBrokers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How far operations' consumers are behind each topic they read: the records published that the
 * consumer group has not yet committed. Read from the broker (the group's committed offsets
 * against each partition's end), at most once every few seconds however many pages ask.
 */
@Component
public class ConsumerLag implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(2);

    /** One topic's lag; {@code behind} is null when the broker could not be asked. */
    public record TopicLag(String topic, String group, int partitions, Long behind) {
    }

    public record Reading(Instant at, List<TopicLag> topics) {

        public Long total() {
            return topics.stream().anyMatch(t -> t.behind() == null) ? null
                    : topics.stream().mapToLong(TopicLag::behind).sum();
        }
    }

    private final Map<String, String> groupsByTopic;
    private final Admin admin;
    private volatile Reading last = new Reading(Instant.EPOCH, List.of());

    ConsumerLag(BindingServiceProperties bindings, Environment environment) {
        this.groupsByTopic = new TreeMap<>(bindings.getBindings().entrySet().stream()
                .filter(b -> b.getKey().endsWith("-in-0") && b.getValue().getDestination() != null)
                .collect(Collectors.toMap(b -> b.getValue().getDestination(), b -> b.getValue().getGroup(), (a, b) -> a)));
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokers.of(environment),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
    }

    /** The topics and the consumer group each is read by. */
    public Map<String, String> groupsByTopic() {
        return groupsByTopic;
    }

    public Admin admin() {
        return admin;
    }

    public synchronized Reading current() {
        Instant now = Instant.now();
        if (Duration.between(last.at(), now).compareTo(FRESH_FOR) < 0) {
            return last;
        }
        last = read(now);
        return last;
    }

    private Reading read(Instant now) {
        List<TopicLag> topics = new ArrayList<>();
        for (Map.Entry<String, String> topic : groupsByTopic.entrySet()) {
            try {
                topics.add(lag(topic.getKey(), topic.getValue()));
            } catch (Exception e) {
                LOG.warn("cannot read the lag of {} on {}: {}", topic.getValue(), topic.getKey(), e.toString());
                topics.add(new TopicLag(topic.getKey(), topic.getValue(), 0, null));
            }
        }
        return new Reading(now, List.copyOf(topics));
    }

    private TopicLag lag(String topic, String group) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(5, TimeUnit.SECONDS);
        long behind = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            behind += ends.get(partition).offset() - (done == null ? 0 : done.offset());
        }
        return new TopicLag(topic, group, partitions.size(), behind);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
