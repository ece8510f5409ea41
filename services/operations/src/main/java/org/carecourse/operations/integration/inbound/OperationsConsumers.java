package org.carecourse.operations.integration.inbound;

import java.util.function.Consumer;

import org.carecourse.operations.activity.query.ClinicActivity;
import org.carecourse.operations.dashboard.live.DashboardChanges;
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
 * as {@code <name>-in-0}. Each change is announced to open dashboards once committed.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConsumers {

    @Bean
    Consumer<Message<byte[]>> consultationEvents(InboundEvents inbound, DashboardChanges changes, IntakeFunnel funnel) {
        return message -> inbound.accept("operations-consultations", message.getPayload(), changes.announcing(funnel::apply));
    }

    @Bean
    Consumer<Message<byte[]>> screeningEvents(InboundEvents inbound, DashboardChanges changes, IntakeFunnel funnel, ClinicWatch watch) {
        return message -> inbound.accept("operations-screening", message.getPayload(), changes.announcing(event -> {
            funnel.apply(event);
            watch.apply(event);
        }));
    }

    @Bean
    Consumer<Message<byte[]>> schedulingEvents(InboundEvents inbound, DashboardChanges changes, ClinicActivity activity) {
        return message -> inbound.accept("operations-scheduling", message.getPayload(), changes.announcing(activity::apply));
    }

    @Bean
    Consumer<Message<byte[]>> treatmentEvents(InboundEvents inbound, DashboardChanges changes, ClinicActivity activity, IntakeFunnel funnel, ClinicWatch watch,
            CourseOutcomes outcomes) {
        return message -> inbound.accept("operations-treatment", message.getPayload(), changes.announcing(event -> {
            activity.apply(event);
            funnel.apply(event);
            watch.apply(event);
            outcomes.apply(event);
        }));
    }

    @Bean
    Consumer<Message<byte[]>> billingEvents(InboundEvents inbound, DashboardChanges changes, ClinicActivity activity, ClinicReceivables receivables) {
        return message -> inbound.accept("operations-billing", message.getPayload(), changes.announcing(event -> {
            activity.apply(event);
            receivables.apply(event);
        }));
    }
}
