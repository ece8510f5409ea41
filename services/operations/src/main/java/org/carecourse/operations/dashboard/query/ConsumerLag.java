package org.carecourse.operations.dashboard.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
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

    private final Map<String, List<String>> topicsByGroup;
    private final Admin admin;
    private volatile Reading last = new Reading(Instant.EPOCH, List.of());

    ConsumerLag(BindingServiceProperties bindings, Environment environment) {
        this.topicsByGroup = bindings.getBindings().entrySet().stream()
                .filter(b -> b.getKey().endsWith("-in-0") && b.getValue().getDestination() != null)
                .collect(Collectors.groupingBy(b -> b.getValue().getGroup(), TreeMap::new,
                        Collectors.mapping(b -> b.getValue().getDestination(), Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new),
                                List::copyOf))));
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokers.of(environment),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
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

    /**
     * One question to the broker per group and kind: the topics' partitions, the group's committed
     * offsets and the partitions' ends. A group the broker does not answer for shows no figure.
     */
    private Reading read(Instant now) {
        List<TopicLag> topics = new ArrayList<>();
        topicsByGroup().forEach((group, names) -> {
            try {
                Map<String, Set<TopicPartition>> partitions = partitions(names);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(5, TimeUnit.SECONDS);
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.values().stream()
                        .flatMap(Set::stream).collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(5, TimeUnit.SECONDS);
                partitions.forEach((topic, ofTopic) -> topics.add(new TopicLag(topic, group, ofTopic.size(), ofTopic.stream()
                        .mapToLong(p -> ends.get(p).offset() - (committed.get(p) == null ? 0 : committed.get(p).offset())).sum())));
            } catch (Exception e) {
                LOG.warn("cannot read the lag of {}: {}", group, e.toString());
                names.forEach(topic -> topics.add(new TopicLag(topic, group, 0, null)));
            }
        });
        topics.sort(Comparator.comparing(TopicLag::topic));
        return new Reading(now, List.copyOf(topics));
    }

    /** The topics read, by the consumer group that reads them. */
    public Map<String, List<String>> topicsByGroup() {
        return topicsByGroup;
    }

    /** Each topic's partitions, in one question to the broker. */
    public Map<String, Set<TopicPartition>> partitions(Collection<String> topics) throws Exception {
        return admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .collect(Collectors.toMap(TopicDescription::name, topic -> topic.partitions().stream()
                        .map(p -> new TopicPartition(topic.name(), p.partition())).collect(Collectors.toSet())));
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
