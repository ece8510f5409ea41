package org.carecourse.scheduling.clinic.integration.outbound;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.carecourse.contracts.scheduling.AppointmentBooked;
import org.carecourse.contracts.scheduling.ChairAdded;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.scheduling.SchedulingApplication;
import org.carecourse.scheduling.booking.api.AppointmentBookedEvent;
import org.carecourse.scheduling.clinic.api.Capability;
import org.carecourse.scheduling.clinic.api.ChairAddedEvent;
import org.carecourse.scheduling.clinic.api.ClinicRegisteredEvent;
import org.carecourse.servicekit.messaging.Envelopes;
import org.carecourse.servicekit.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/** Relay from scheduling's event store to Kafka: the clinic directory and its chairs, and bookings. */
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

    @EventHandler
    void on(ChairAddedEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, SchedulingApplication.NAME, null, event.clinicId(), new ChairAdded(event.clinicId(),
                event.chairId(), event.name(), event.capabilities().stream().map(Capability::code).sorted().toList())));
    }

    /** Keyed by patient, like every patient's fact. */
    @EventHandler
    void on(AppointmentBookedEvent event, EventMessage<?> stored) {
        publisher.publish(Envelopes.from(stored, SchedulingApplication.NAME, event.patientId(), event.clinicId(),
                new AppointmentBooked(event.appointmentId(), event.clinicId(), event.chairId(), event.type().code(), event.startsAt(),
                        event.endsAt())));
    }
}
