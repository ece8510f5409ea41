package org.carecourse.servicekit.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** Beans every service uses to talk to its Axon write side. */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class AxonServiceAutoConfiguration {

    @Bean
    CommandDispatch commandDispatch(CommandGateway commandGateway, TransactionTemplate transactionTemplate) {
        return new CommandDispatch(commandGateway, transactionTemplate);
    }

    @Bean
    ProcessorLag processorLag(EventProcessingConfiguration processing, EventStore events, MeterRegistry meters) {
        return new ProcessorLag(processing, events, meters);
    }

    @Bean
    AggregateLocks aggregateLocks(CommandBus commandBus, JdbcClient jdbcClient) {
        AggregateLocks locks = new AggregateLocks(jdbcClient);
        commandBus.registerHandlerInterceptor(locks);
        return locks;
    }

    /**
     * Lets Axon's Jackson 3 serializer read back the tokens a replay writes. A reset wraps the
     * token in a {@code ReplayToken} whose reset context is typed {@code Object}; Jackson 3's
     * default validator refuses every subtype of {@code Object}, so a processor once reset could
     * never load its token again (found re-publishing a relay's history). Only Axon's and the
     * JDK's value types may be named in stored type ids.
     */
    @Bean
    Jackson3SerializerCustomizer axonStoredTypeIds() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("java.lang.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.time.")
                .build());
    }

    /**
     * A failing event handler must never be skipped silently (Axon's default only logs): in a
     * subscribing processor the failure rolls back the command that stored the event; in a
     * streaming processor the batch is retried from its token.
     */
    @Bean
    ConfigurerModule propagateEventHandlerFailures() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
