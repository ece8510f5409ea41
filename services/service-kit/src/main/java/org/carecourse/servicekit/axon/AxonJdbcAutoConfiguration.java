package org.carecourse.servicekit.axon;


import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Axon on Spring Boot 4 with the JDBC event store in the service's own PostgreSQL database.
 *
 * <p>The ordering is the point of this class: Axon's JDBC and transaction auto-configurations
 * would otherwise run before Boot 4's DataSource auto-configuration and Axon would fall back to
 * a no-op transaction manager (events and tokens silently not committed). Being ordered after
 * the DataSource and before Axon, it pulls Axon's configuration after the DataSource.
 *
 * <p>It also names the tables the way Flyway creates them ({@code db/servicekit}) and copies the
 * identity and correlation metadata of each command onto the events it causes.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
@EnableConfigurationProperties(EventGapProperties.class)
public class AxonJdbcAutoConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, with the gap settings chosen here
     * instead of left to defaults (see {@link EventGapProperties}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver, @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager transactionManager, EventSchema eventSchema, EventGapProperties gaps) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .gapTimeout(Math.toIntExact(gaps.gapTimeout().toMillis()))
                .maxGapOffset(gaps.maxGapOffset())
                .gapCleaningThreshold(gaps.gapCleaningThreshold())
                .build();
    }

    /**
     * Axon's snapshotter as its auto-configuration builds it, but taking snapshots on a thread
     * of its own. By default it runs on the command's thread after the commit, still holding the
     * aggregate's lock while it waits for a second connection; with every pooled connection held
     * by commands waiting for that lock, nothing moves. A snapshot is an optimisation: when the
     * snapshot thread is busy, a trigger is dropped and a later one takes it.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition, ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
            TransactionManager transactionManager, SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor())
                .build();
    }

    private static Executor snapshotExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                runnable -> {
                    Thread thread = new Thread(runnable, "axon-snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
        return executor;
    }

    /** Recognises PostgreSQL's unique violations, so a lost append race is a conflict (409), not a failure. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolations();
    }

    /** Axon's embedded event store as its auto-configuration builds it, waking processors on the real commit. */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new CommitAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Replaces Axon's default origin provider: every event carries who did it, where, and the
     * correlation/causation ids that the outbound relay copies into the integration envelope.
     */
    @Bean
    CorrelationDataProvider carecourseCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.ALL.toArray(String[]::new));
    }

}
