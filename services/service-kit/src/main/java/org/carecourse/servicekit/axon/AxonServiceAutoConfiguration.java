package org.carecourse.servicekit.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans every service uses to talk to its Axon write side. */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class AxonServiceAutoConfiguration {

    @Bean
    CommandDispatch commandDispatch(CommandGateway commandGateway) {
        return new CommandDispatch(commandGateway);
    }
}
