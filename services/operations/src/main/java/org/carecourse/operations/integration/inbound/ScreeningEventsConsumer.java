package org.carecourse.operations.integration.inbound;

import org.carecourse.operations.dashboard.live.DashboardChanges;
import org.carecourse.operations.funnel.query.IntakeFunnel;
import org.carecourse.operations.watch.query.ClinicWatch;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Screening's cases, decisions and safety alerts feed the funnel and the clinics' watch; each
 * change is announced to open dashboards. Bound as {@code screeningEvents-in-0}.
 */
@Component("screeningEvents")
class ScreeningEventsConsumer extends InboundConsumer {

    private final DashboardChanges changes;
    private final IntakeFunnel funnel;
    private final ClinicWatch watch;

    ScreeningEventsConsumer(InboundEvents inbound, DashboardChanges changes, IntakeFunnel funnel, ClinicWatch watch) {
        super(inbound, "operations-screening");
        this.changes = changes;
        this.funnel = funnel;
        this.watch = watch;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.every(changes.announcing(event -> {
            funnel.apply(event);
            watch.apply(event);
        }));
    }
}
