package org.carecourse.servicekit.data;


import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;

/**
 * Keeps a service's copy of the clinic directory from scheduling's topic, once per event. A
 * service declares it as its {@code clinicEvents} bean (bound as {@code clinicEvents-in-0}) with
 * its inbox name, e.g. {@code treatment-clinics}.
 */
public class ClinicDirectoryConsumer extends InboundConsumer {

    private final ClinicDirectoryCopy directory;

    public ClinicDirectoryConsumer(InboundEvents inbound, ClinicDirectoryCopy directory, String inboxConsumer) {
        super(inbound, inboxConsumer);
        this.directory = directory;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.effects().on(ClinicRegistered.class, directory::apply);
    }
}
