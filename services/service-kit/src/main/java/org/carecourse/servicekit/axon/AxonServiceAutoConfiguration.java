package org.carecourse.servicekit.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Beans every service uses to talk to its Axon write side. */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class AxonServiceAutoConfiguration {

    @Bean
    CommandDispatch commandDispatch(CommandGateway commandGateway) {
        return new CommandDispatch(commandGateway);
    }

    @Bean
    AggregateLocks aggregateLocks(CommandBus commandBus, JdbcClient jdbcClient) {
        AggregateLocks locks = new AggregateLocks(jdbcClient);
        commandBus.registerHandlerInterceptor(locks);
        return locks;
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
