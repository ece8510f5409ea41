package org.carecourse.servicekit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.carecourse.servicekit.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Feeds a binding's dead-letter topic back into its consumer, after the cause was fixed (a new
 * build that knows the type, a rule corrected, a database restored). The consumer's inbox makes
 * a replay safe to repeat, and read-model copies compare times, so a replayed old fact never
 * overwrites a newer one. Records that fail again are appended to the dead-letter topic anew
 * (kept, with the failure), and the replay goes on; each run replays what the topic held when
 * it started, so it always ends.
 */
public class DeadLetterReplay {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ApplicationContext context;
    private final Environment environment;

    public DeadLetterReplay(ApplicationContext context, Environment environment) {
        this.context = context;
        this.environment = environment;
    }

    /** The inbound bindings of this service that dead-letter, with their dead-letter topics. */
    public Map<String, String> deadLetterTopics() {
        Map<String, String> topics = new HashMap<>();
        for (String function : environment.getProperty("spring.cloud.function.definition", "").split("[;,]")) {
            String binding = function.strip() + "-in-0";
            String dlq = environment.getProperty("spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name");
            if (!function.isBlank() && dlq != null) {
                topics.put(binding, dlq);
            }
        }
        return topics;
    }

    @SuppressWarnings("unchecked")
    public Result replay(String binding) {
        String dlq = deadLetterTopics().get(binding);
        if (dlq == null) {
            throw new NotFoundException("no dead-lettering binding " + binding + "; see GET /api/admin/dead-letters");
        }
        String function = binding.substring(0, binding.length() - "-in-0".length());
        Consumer<Message<byte[]>> consumer = (Consumer<Message<byte[]>>) context.getBean(function, Consumer.class);
        String group = environment.getProperty("spring.cloud.stream.bindings." + binding + ".group", function) + ".dlq-replay";

        int replayed = 0;
        int failedAgain = 0;
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(readerProperties(group));
             KafkaProducer<byte[], byte[]> writer = new KafkaProducer<>(writerProperties())) {
            List<TopicPartition> partitions = reader.partitionsFor(dlq).stream()
                    .map(p -> new TopicPartition(dlq, p.partition())).toList();
            reader.assign(partitions);
            // Where the previous replay stopped (the group's commits), else the beginning.
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    try {
                        consumer.accept(MessageBuilder.withPayload(record.value()).build());
                        replayed++;
                    } catch (RuntimeException e) {
                        failedAgain++;
                        LOG.warn("dead letter {}@{}/{} failed again: {}", dlq, record.partition(), record.offset(), e.toString());
                        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(dlq, record.key(), record.value());
                        again.headers().add("carecourse-replay-failure", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
                        writer.send(again).get();
                    }
                    reader.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay of " + dlq + " interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not keep a failed dead letter on " + dlq, e);
        }
        return new Result(binding, dlq, replayed, failedAgain);
    }

    private Properties readerProperties(String group) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokers.of(environment));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    private Properties writerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokers.of(environment));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }

    /**
     * @param replayed    records the consumer took (applied, or absorbed by its inbox as repeats)
     * @param failedAgain records that failed again and were kept on the dead-letter topic
     */
    public record Result(String binding, String deadLetterTopic, int replayed, int failedAgain) {
    }
}
