package org.carecourse.operations.clinic;

import org.carecourse.contracts.scheduling.ClinicRegistered;
import org.carecourse.operations.capacity.ClinicCapacity;
import org.carecourse.operations.dashboard.live.DashboardChanges;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * The clinic directory, and each clinic's chairs and hours; each change is announced to open
 * dashboards. Bound as {@code clinicEvents-in-0}.
 */
@Component("clinicEvents")
class ClinicEventsConsumer extends InboundConsumer {

    private final ClinicDirectory directory;
    private final ClinicCapacity capacity;
    private final DashboardChanges changes;

    ClinicEventsConsumer(InboundEvents inbound, ClinicDirectory directory, ClinicCapacity capacity, DashboardChanges changes) {
        super(inbound, "operations-clinics");
        this.directory = directory;
        this.capacity = capacity;
        this.changes = changes;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.every(changes.announcing(event -> {
            if (event.payload() instanceof ClinicRegistered clinic) {
                directory.apply(event, clinic);
            } else {
                capacity.apply(event);
            }
        }));
    }
}
