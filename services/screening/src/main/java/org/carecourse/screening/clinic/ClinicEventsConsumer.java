package org.carecourse.screening.clinic;

import java.util.function.Consumer;

import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** Keeps screening's copy of the clinic directory. Bound as {@code clinicEvents-in-0}. */
@Component("clinicEvents")
class ClinicEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final ClinicZones zones;

    ClinicEventsConsumer(InboundEvents inbound, ClinicZones zones) {
        this.inbound = inbound;
        this.zones = zones;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.accept("screening-clinics", message.getPayload(), event -> {
            if (event.payload() instanceof ClinicRegistered clinic) {
                zones.apply(event, clinic);
            }
        });
    }
}
