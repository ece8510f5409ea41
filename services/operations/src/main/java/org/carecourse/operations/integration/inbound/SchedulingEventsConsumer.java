package org.carecourse.operations.integration.inbound;

import org.carecourse.operations.activity.query.ClinicActivity;
import org.carecourse.operations.dashboard.live.DashboardChanges;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Bookings, cancellations and attendance feed each clinic's activity; each change is announced to
 * open dashboards. Bound as {@code schedulingEvents-in-0}.
 */
@Component("schedulingEvents")
class SchedulingEventsConsumer extends InboundConsumer {

    private final DashboardChanges changes;
    private final ClinicActivity activity;

    SchedulingEventsConsumer(InboundEvents inbound, DashboardChanges changes, ClinicActivity activity) {
        super(inbound, "operations-scheduling");
        this.changes = changes;
        this.activity = activity;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.every(changes.announcing(activity::apply));
    }
}
