package org.carecourse.scheduling.clinic.integration.outbound;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.scheduling.SchedulingApplication;
import org.carecourse.scheduling.clinic.api.ClinicRegisteredEvent;
import org.carecourse.servicekit.messaging.Envelopes;
import org.carecourse.servicekit.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/** Relay from scheduling's event store to Kafka: the clinic directory for every other service. */
@Component
@ProcessingGroup("scheduling-outbound")
class SchedulingOutbound {

    private final IntegrationEventPublisher publisher;

    SchedulingOutbound(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ClinicRegisteredEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, SchedulingApplication.NAME, null, event.clinicId(),
                new ClinicRegistered(event.clinicId(), event.name(), event.timeZone())));
    }
}
