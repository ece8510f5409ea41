package org.carecourse.servicekit.data;

import java.util.function.Consumer;

import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.messaging.Message;

/**
 * Keeps a service's copy of the clinic directory from scheduling's topic, once per event. A
 * service declares it as its {@code clinicEvents} function bean, bound as {@code clinicEvents-in-0}.
 */
public class ClinicDirectoryConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final InboundEffects effects;
    private final String inboxConsumer;

    /** @param inboxConsumer the inbox's name for this consumer, e.g. {@code treatment-clinics} */
    public ClinicDirectoryConsumer(InboundEvents inbound, ClinicDirectoryCopy directory, String inboxConsumer) {
        this.inbound = inbound;
        this.effects = InboundEffects.effects().on(ClinicRegistered.class, directory::apply);
        this.inboxConsumer = inboxConsumer;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.accept(inboxConsumer, message.getPayload(), effects);
    }
}
