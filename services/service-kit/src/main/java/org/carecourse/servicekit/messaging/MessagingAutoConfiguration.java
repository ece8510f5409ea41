package org.carecourse.servicekit.messaging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** Inbox, inbound handling and outbound publishing for every service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
public class MessagingAutoConfiguration {

    @Bean
    Inbox inbox(JdbcClient jdbcClient) {
        return new Inbox(jdbcClient);
    }

    @Bean
    InboundEvents inboundEvents(Inbox inbox, TransactionTemplate transactionTemplate, MeterRegistry meterRegistry) {
        return new InboundEvents(inbox, transactionTemplate, meterRegistry);
    }

    @Bean
    IntegrationEventPublisher integrationEventPublisher(StreamBridge streamBridge) {
        return new IntegrationEventPublisher(streamBridge);
    }
}
