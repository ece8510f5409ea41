package org.carecourse.servicekit.messaging;

import jakarta.validation.Validator;

import org.axonframework.config.Configuration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
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
@EnableConfigurationProperties(OutboundProperties.class)
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

    @Bean
    IntegrationEventPublisher integrationEventPublisher(StreamBridge streamBridge, OutboundLedger ledger,
            MeterRegistry meterRegistry, Validator validator, OutboundProperties properties) {
        return new IntegrationEventPublisher(streamBridge, ledger, meterRegistry, validator, properties);
    }

    /** Every service's relay is the streaming processor named {@code <service>-outbound}. */
    @Bean
    OutboundReconciliation outboundReconciliation(JdbcClient jdbcClient, Configuration axonConfiguration,
            @Value("${spring.application.name}") String service) {
        return new OutboundReconciliation(jdbcClient, axonConfiguration, service + "-outbound");
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
