package org.carecourse.operations.clinic;

import java.util.function.Consumer;

import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.operations.capacity.ClinicCapacity;
import org.carecourse.operations.dashboard.live.DashboardChanges;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class ClinicEventsConfiguration {

    /** The clinic directory, and each clinic's chairs and hours. Bound as {@code clinicEvents-in-0}. */
    @Bean
    Consumer<Message<byte[]>> clinicEvents(InboundEvents inbound, ClinicDirectory directory, ClinicCapacity capacity,
            DashboardChanges changes) {
        return message -> inbound.accept("operations-clinics", message.getPayload(), changes.announcing(event -> {
            if (event.payload() instanceof ClinicRegistered clinic) {
                directory.apply(event, clinic);
            } else {
                capacity.apply(event);
            }
        }));
    }
}
