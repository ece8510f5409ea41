package org.carecourse.servicekit.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.carecourse.servicekit.boot.ServiceApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** Inbox, inbound handling and outbound publishing (with its ledger and parking) for every service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration"})
@EnableConfigurationProperties({OutboundProperties.class, ServiceApplication.class})
public class MessagingAutoConfiguration {

    @Bean
    Inbox inbox(JdbcClient jdbcClient) {
        return new Inbox(jdbcClient);
    }

    @Bean
    InboundEvents inboundEvents(Inbox inbox, PlatformTransactionManager transactionManager, MeterRegistry meterRegistry,
            Validator validator) {
        // Each inbound event is its own unit of work, whoever hands it over: a dead-letter replay
        // called in a keyed request must not fold every record into that request's transaction
        // (one failure would roll back the records already applied, whose offsets are committed).
        TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new InboundEvents(inbox, ownTransaction, meterRegistry, validator);
    }

    @Bean
    OutboundLedger outboundLedger(JdbcClient jdbcClient) {
        return new OutboundLedger(jdbcClient);
    }

    /** The relay's producer, on the Kafka binder's brokers and settings. */
    @Bean(destroyMethod = "close")
    OutboundProducer outboundProducer(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, String> settings = new HashMap<>(binder.bind("spring.cloud.stream.kafka.binder.configuration",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        settings.putAll(binder.bind("spring.cloud.stream.kafka.binder.producer-properties",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        int partitions = binder.bind("spring.cloud.stream.kafka.binder.min-partition-count", Integer.class).orElse(1);
        // Unique to this instance: which instance relays is decided by the relay's token claim.
        String transactionIdPrefix = environment.getProperty("spring.application.name", "carecourse") + "-relay-" + UUID.randomUUID() + "-";
        return new OutboundProducer(KafkaBrokers.of(environment), settings, partitions, transactionIdPrefix);
    }

    @Bean
    IntegrationEventPublisher integrationEventPublisher(OutboundProducer producer, OutboundLedger ledger,
            MeterRegistry meterRegistry, Validator validator, OutboundProperties properties) {
        return new IntegrationEventPublisher(producer, ledger, meterRegistry, validator, properties);
    }

    /**
     * Every service's relay: the processor {@code <service>-outbound}, one thread over one segment
     * (one ordered stream keeps every patient's events in order on the way to Kafka). A tracking
     * processor, not a pooled one: Axon's embedded event store wakes a tracking processor the
     * moment a local commit stores an event, while a pooled processor's coordinator finds new
     * events only on its next 500 ms poll (that poll was most of the
     * 450 ms per hop measured before; see docs/performance.md).
     */
    @Bean
    ConfigurerModule outboundRelayProcessor(ServiceApplication service, OutboundProperties properties) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(relayName(service.name()),
                Configuration::eventStore,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andBatchSize(properties.batchSize()));
    }

    /**
     * Consumers commit their offsets asynchronously, after the inbox transaction of each record
     * has committed: a synchronous commit per poll doubled the per-hop latency of a measured
     * pipeline, and what an asynchronous commit may lose in a crash is only a redelivery, which
     * the inbox absorbs. An idle consumer also commits past the relays' transaction markers
     * ({@link IdleConsumerOffsets}), every {@value #IDLE_COMMIT_MILLIS} ms of idleness.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> consumerOffsetCommits() {
        return (container, destination, group) -> {
            container.getContainerProperties().setSyncCommits(false);
            container.getContainerProperties().setIdleEventInterval(IDLE_COMMIT_MILLIS);
        };
    }

    @Bean
    IdleConsumerOffsets idleConsumerOffsets() {
        return new IdleConsumerOffsets();
    }

    static final long IDLE_COMMIT_MILLIS = 1_000;

    static String relayName(String service) {
        return service + "-outbound";
    }

    /** Every service's relay is the streaming processor named {@code <service>-outbound}. */
    @Bean
    OutboundReconciliation outboundReconciliation(JdbcClient jdbcClient, Configuration axonConfiguration, ServiceApplication service) {
        return new OutboundReconciliation(jdbcClient, axonConfiguration, relayName(service.name()));
    }

    @Bean
    DeadLetterReplay deadLetterReplay(ApplicationContext context, Environment environment) {
        return new DeadLetterReplay(context, environment);
    }

    @Bean
    DeadLetterAdminController deadLetterAdminController(DeadLetterReplay replay) {
        return new DeadLetterAdminController(replay);
    }

    @Bean
    OutboundAdminController outboundAdminController(OutboundLedger ledger, IntegrationEventPublisher publisher,
            OutboundReconciliation reconciliation) {
        return new OutboundAdminController(ledger, publisher, reconciliation);
    }
}
