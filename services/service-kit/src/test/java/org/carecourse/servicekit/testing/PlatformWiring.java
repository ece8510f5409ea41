package org.carecourse.servicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks that catch the silent failures of Axon on Boot 4: a JPA or in-memory engine, a no-op
 * transaction manager, or a streaming processor that never committed its token.
 */
public final class PlatformWiring {

    private PlatformWiring() {
    }

    public static void assertJdbcEventStoreWithSpringTransactions(ApplicationContext context) {
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
        Configuration axon = context.getBean(Configuration.class);
        assertThat(axon.eventSerializer()).isInstanceOf(Jackson3Serializer.class);
        assertThat(axon.serializer()).isInstanceOf(Jackson3Serializer.class);
        // No timer (and stack capture) around every handler, a replayed event-sourcing handler included; one per unit of work.
        org.axonframework.springboot.TimeoutProperties timeouts = context.getBean(org.axonframework.springboot.TimeoutProperties.class);
        assertThat(List.of(timeouts.getHandler().getEvents(), timeouts.getHandler().getCommands(), timeouts.getHandler().getQueries(),
                timeouts.getHandler().getDeadlines())).allSatisfy(handler -> {
                    assertThat(handler.getTimeoutMs()).isNegative();
                    assertThat(handler.getWarningThresholdMs()).isNegative();
                });
        assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).as("a command's unit of work is still timed").isPositive();
    }

    /** Stored payloads are JSON text in bytea, readable by an auditor with plain SQL. */
    public static void assertStoredPayloadsAreJson(ApplicationContext context, String aggregateIdentifier) {
        var payloads = context.getBean(JdbcClient.class)
                .sql("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?")
                .param(aggregateIdentifier)
                .query(String.class)
                .list();
        assertThat(payloads).isNotEmpty().allSatisfy(payload -> assertThat(payload).startsWith("{"));
    }

    /** The processor claimed and committed its token rows in the service's database. */
    public static void assertProcessorHasTokens(ApplicationContext context, String processorName) {
        Long rows = context.getBean(JdbcClient.class)
                .sql("select count(*) from token_entry where processor_name = ?")
                .param(processorName)
                .query(Long.class)
                .single();
        assertThat(rows).as("token rows of processor %s", processorName).isPositive();
    }

    /** Number of events stored for one aggregate. */
    public static long storedEvents(ApplicationContext context, String aggregateIdentifier) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(aggregateIdentifier)
                .query(Long.class)
                .single();
    }

    /** Connection requests that timed out waiting for the pool ({@code hikaricp_connections_timeout_total}). */
    public static double connectionTimeouts(ApplicationContext context) {
        var counter = context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("hikaricp.connections.timeout").counter();
        assertThat(counter).as("the pool's timeout counter is published").isNotNull();
        return counter.count();
    }

    public static long storedEvents(ApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("select count(*) from domain_event_entry")
                .query(Long.class).single();
    }
}
