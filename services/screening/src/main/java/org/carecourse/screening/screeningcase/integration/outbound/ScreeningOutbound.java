package org.carecourse.screening.screeningcase.integration.outbound;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.carecourse.contracts.screening.ScreeningCaseOpened;
import org.carecourse.screening.ScreeningApplication;
import org.carecourse.screening.screeningcase.api.ScreeningCaseOpenedEvent;
import org.carecourse.servicekit.messaging.Envelopes;
import org.carecourse.servicekit.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/** Relay from screening's event store to Kafka. */
@Component
@ProcessingGroup("screening-outbound")
class ScreeningOutbound {

    private final IntegrationEventPublisher publisher;

    ScreeningOutbound(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ScreeningCaseOpenedEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, ScreeningApplication.NAME, event.patientId(), event.clinicId(),
                new ScreeningCaseOpened(event.caseId(), event.patientId(), event.clinicId(), event.consultationId())));
    }
}
