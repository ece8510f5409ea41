package org.carecourse.operations.activity.integration.inbound;

import java.util.function.Consumer;

import org.carecourse.operations.activity.query.ClinicActivity;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Scheduling's appointments, treatment's sessions and billing's money reach the clinics' daily
 * figures, each record once (inbox). Bound as {@code schedulingEvents-in-0},
 * {@code treatmentEvents-in-0} and {@code billingEvents-in-0}.
 */
@Configuration(proxyBeanMethods = false)
class ActivityConsumers {

    @Bean
    Consumer<Message<byte[]>> schedulingEvents(InboundEvents inbound, ClinicActivity activity) {
        return message -> inbound.accept("operations-scheduling", message.getPayload(), activity::apply);
    }

    @Bean
    Consumer<Message<byte[]>> treatmentEvents(InboundEvents inbound, ClinicActivity activity) {
        return message -> inbound.accept("operations-treatment", message.getPayload(), activity::apply);
    }

    @Bean
    Consumer<Message<byte[]>> billingEvents(InboundEvents inbound, ClinicActivity activity) {
        return message -> inbound.accept("operations-billing", message.getPayload(), activity::apply);
    }
}
