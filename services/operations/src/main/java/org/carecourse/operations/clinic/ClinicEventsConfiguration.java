package org.carecourse.operations.clinic;

import org.carecourse.servicekit.data.ClinicDirectoryConsumer;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClinicEventsConfiguration {

    /** Keeps the local copy of the clinic directory. Bound as {@code clinicEvents-in-0}. */
    @Bean
    ClinicDirectoryConsumer clinicEvents(InboundEvents inbound, ClinicDirectory directory) {
        return new ClinicDirectoryConsumer(inbound, directory, "operations-clinics");
    }
}
