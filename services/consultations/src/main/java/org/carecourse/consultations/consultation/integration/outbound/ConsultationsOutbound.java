package org.carecourse.consultations.consultation.integration.outbound;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.carecourse.consultations.ConsultationsApplication;
import org.carecourse.consultations.consultation.api.Condition;
import org.carecourse.consultations.consultation.api.ConsultationCompletedEvent;
import org.carecourse.consultations.consultation.api.ConsultationRequestedEvent;
import org.carecourse.contracts.consultations.ConsultationCompleted;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.servicekit.messaging.Envelopes;
import org.carecourse.servicekit.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The relay from the event store (the outbox) to Kafka for consultations. Demographics and
 * written reasons stay behind; only ids and clinical intent leave the service.
 */
@Component
@ProcessingGroup(ConsultationsOutbound.PROCESSOR)
class ConsultationsOutbound {

    static final String PROCESSOR = "consultations-outbound";

    private final IntegrationEventPublisher publisher;

    ConsultationsOutbound(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ConsultationRequestedEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, ConsultationsApplication.NAME, event.patientId(), event.clinicId(),
                new ConsultationRequested(event.consultationId(), event.patientId(), event.clinicId(),
                        event.conditions().stream().map(Condition::code).toList())));
    }

    @EventHandler
    void on(ConsultationCompletedEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, ConsultationsApplication.NAME, event.patientId(), event.clinicId(),
                new ConsultationCompleted(event.consultationId(), event.patientId(), event.clinicId(), event.outcome().code())));
    }
}
