package org.carecourse.operations.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.carecourse.operations.dashboard.query.ConsumerLag;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the topics, the way an operator would by hand: stop the
 * consumers, reset the consumer group to the start of each topic, empty the read models and the
 * consumers' inbox in one transaction, start the consumers again. Each record is then applied
 * once more, in the order the broker keeps, so the figures come back as they were (the rebuild
 * test compares them). The regions an admin set are operations' own data and are kept.
 *
 * <p>The group must have no other member while it is reset: with several operations instances,
 * stop the others first (the reset is refused while the group is active). The topics must still
 * hold their history (retention); a rebuild can only be as complete as they are.
 */
@Component
public class ReadModelRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);
    static final List<String> READ_MODELS = List.of("clinic", "clinic_day_activity", "appointment_copy", "patient_funnel", "safety_alert",
            "rems_form", "course_outcome", "invoice_balance", "clinic_chair", "clinic_hours");
    private static final Duration GROUP_EMPTY_WITHIN = Duration.ofSeconds(90);

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public record Status(State state, String requestedBy, Instant startedAt, Instant finishedAt, String problem) {
    }

    private final BindingsLifecycleController bindings;
    private final List<String> inputs;
    private final ConsumerLag lag;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(State.IDLE, null, null, null, null));

    ReadModelRebuild(BindingsLifecycleController bindings, BindingServiceProperties properties, ConsumerLag lag, JdbcClient jdbc,
            TransactionTemplate transaction, Clock clock) {
        this.bindings = bindings;
        this.inputs = properties.getBindings().keySet().stream().filter(name -> name.endsWith("-in-0")).sorted().toList();
        this.lag = lag;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; refused (409 {@code rebuild-running}) while one runs. */
    public Status start(String requestedBy) {
        Status running = new Status(State.RUNNING, requestedBy, clock.instant(), null, null);
        Status before = status.getAndUpdate(current -> current.state() == State.RUNNING ? current : running);
        if (before.state() == State.RUNNING) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, "rebuild-running",
                    "a rebuild requested by " + before.requestedBy() + " is still running");
        }
        Thread worker = new Thread(() -> run(running), "operations-rebuild");
        worker.setDaemon(true);
        worker.start();
        return running;
    }

    private void run(Status running) {
        LOG.info("rebuilding operations' read models from the topics (requested by {})", running.requestedBy());
        try {
            inputs.forEach(bindings::stop);
            try {
                resetGroupsToTheStart();
                transaction.executeWithoutResult(tx -> {
                    jdbc.sql("truncate table " + String.join(", ", READ_MODELS)).update();
                    jdbc.sql("delete from inbox_message where consumer like 'operations-%'").update();
                });
            } finally {
                inputs.forEach(bindings::start);
            }
            status.set(new Status(State.DONE, running.requestedBy(), running.startedAt(), clock.instant(), null));
            LOG.info("operations' read models are being replayed from the start of every topic");
        } catch (Exception e) {
            LOG.error("rebuild failed", e);
            status.set(new Status(State.FAILED, running.requestedBy(), running.startedAt(), clock.instant(), e.toString()));
        }
    }

    private void resetGroupsToTheStart() throws Exception {
        Admin admin = lag.admin();
        for (Map.Entry<String, List<String>> group : lag.topicsByGroup().entrySet()) {
            awaitEmpty(admin, group.getKey());
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            lag.partitions(group.getValue()).values().forEach(partitions -> partitions.forEach(p -> earliest.put(p, OffsetSpec.earliest())));
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> start.put(partition, new OffsetAndMetadata(offset.offset())));
            admin.alterConsumerGroupOffsets(group.getKey(), start).all().get(10, TimeUnit.SECONDS);
        }
    }

    /** The consumers just stopped leave the group; another instance's consumers would not, and the reset is refused. */
    private void awaitEmpty(Admin admin, String group) throws Exception {
        Instant giveUp = clock.instant().plus(GROUP_EMPTY_WITHIN);
        while (true) {
            GroupState state = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).groupState();
            if (state == GroupState.EMPTY || state == GroupState.DEAD) {
                return;
            }
            if (clock.instant().isAfter(giveUp)) {
                throw new IllegalStateException("consumer group " + group + " still has members (" + state
                        + "): stop the other operations instances before rebuilding");
            }
            TimeUnit.MILLISECONDS.sleep(500); // polling the broker's view of the group, not synchronising a test
        }
    }
}
