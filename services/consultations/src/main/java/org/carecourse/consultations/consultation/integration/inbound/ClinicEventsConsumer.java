package org.carecourse.consultations.consultation.integration.inbound;

import java.util.function.Consumer;

import org.carecourse.consultations.consultation.query.ClinicDirectory;
import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** Keeps the local clinic directory. Bound as {@code clinicEvents-in-0}. */
@Component("clinicEvents")
class ClinicEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final ClinicDirectory directory;

    ClinicEventsConsumer(InboundEvents inbound, ClinicDirectory directory) {
        this.inbound = inbound;
        this.directory = directory;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.accept("consultations-clinics", message.getPayload(), event -> {
            if (event.payload() instanceof ClinicRegistered clinic) {
                directory.apply(event, clinic);
            }
        });
    }
}
