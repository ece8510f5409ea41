package org.carecourse.operations.integration.inbound;

import java.util.function.Consumer;

import org.carecourse.operations.activity.query.ClinicActivity;
import org.carecourse.operations.funnel.query.IntakeFunnel;
import org.carecourse.operations.outcome.query.CourseOutcomes;
import org.carecourse.operations.receivable.query.ClinicReceivables;
import org.carecourse.operations.watch.query.ClinicWatch;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Every topic operations reads reaches its read models, each record once (inbox): consultations'
 * and screening's intake, scheduling's appointments, treatment's sessions, billing's money. Bound
 * as {@code <name>-in-0}.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConsumers {

    @Bean
    Consumer<Message<byte[]>> consultationEvents(InboundEvents inbound, IntakeFunnel funnel) {
        return message -> inbound.accept("operations-consultations", message.getPayload(), funnel::apply);
    }

    @Bean
    Consumer<Message<byte[]>> screeningEvents(InboundEvents inbound, IntakeFunnel funnel, ClinicWatch watch) {
        return message -> inbound.accept("operations-screening", message.getPayload(), event -> {
            funnel.apply(event);
            watch.apply(event);
        });
    }

    @Bean
    Consumer<Message<byte[]>> schedulingEvents(InboundEvents inbound, ClinicActivity activity) {
        return message -> inbound.accept("operations-scheduling", message.getPayload(), activity::apply);
    }

    @Bean
    Consumer<Message<byte[]>> treatmentEvents(InboundEvents inbound, ClinicActivity activity, IntakeFunnel funnel, ClinicWatch watch,
            CourseOutcomes outcomes) {
        return message -> inbound.accept("operations-treatment", message.getPayload(), event -> {
            activity.apply(event);
            funnel.apply(event);
            watch.apply(event);
            outcomes.apply(event);
        });
    }

    @Bean
    Consumer<Message<byte[]>> billingEvents(InboundEvents inbound, ClinicActivity activity, ClinicReceivables receivables) {
        return message -> inbound.accept("operations-billing", message.getPayload(), event -> {
            activity.apply(event);
            receivables.apply(event);
        });
    }
}
