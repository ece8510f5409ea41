package org.carecourse.consultations.patient.integration.outbound;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.carecourse.consultations.ConsultationsApplication;
import org.carecourse.consultations.patient.api.PatientDetailsChangedEvent;
import org.carecourse.consultations.patient.api.PatientRegisteredEvent;
import org.carecourse.contracts.consultations.PatientDetailsChanged;
import org.carecourse.contracts.consultations.PatientRegistered;
import org.carecourse.servicekit.messaging.Envelopes;
import org.carecourse.servicekit.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes that patients exist and that their details changed, never the details themselves. */
@Component
@ProcessingGroup("consultations-outbound")
class PatientsOutbound {

    private final IntegrationEventPublisher publisher;

    PatientsOutbound(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(PatientRegisteredEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, ConsultationsApplication.NAME, event.patientId(), event.homeClinicId(),
                new PatientRegistered(event.patientId(), event.homeClinicId())));
    }

    @EventHandler
    void on(PatientDetailsChangedEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, ConsultationsApplication.NAME, event.patientId(), event.homeClinicId(),
                new PatientDetailsChanged(event.patientId(), event.homeClinicId(), event.changedFields())));
    }
}
