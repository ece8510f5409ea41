package org.carecourse.operations.integration.inbound;

import org.carecourse.operations.dashboard.live.DashboardChanges;
import org.carecourse.operations.funnel.query.IntakeFunnel;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Consultation requests and consults feed the intake funnel; each change is announced to open
 * dashboards. Bound as {@code consultationEvents-in-0}.
 */
@Component("consultationEvents")
class ConsultationEventsConsumer extends InboundConsumer {

    private final DashboardChanges changes;
    private final IntakeFunnel funnel;

    ConsultationEventsConsumer(InboundEvents inbound, DashboardChanges changes, IntakeFunnel funnel) {
        super(inbound, "operations-consultations");
        this.changes = changes;
        this.funnel = funnel;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.every(changes.announcing(funnel::apply));
    }
}
