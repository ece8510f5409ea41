package org.carecourse.operations.integration.inbound;

import org.carecourse.operations.activity.query.ClinicActivity;
import org.carecourse.operations.dashboard.live.DashboardChanges;
import org.carecourse.operations.funnel.query.IntakeFunnel;
import org.carecourse.operations.outcome.query.CourseOutcomes;
import org.carecourse.operations.watch.query.ClinicWatch;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Treatment's sessions, outcomes, alerts and REMS forms feed activity, the funnel, the watch and
 * outcomes; each change is announced to open dashboards. Bound as {@code treatmentEvents-in-0}.
 */
@Component("treatmentEvents")
class TreatmentEventsConsumer extends InboundConsumer {

    private final DashboardChanges changes;
    private final ClinicActivity activity;
    private final IntakeFunnel funnel;
    private final ClinicWatch watch;
    private final CourseOutcomes outcomes;

    TreatmentEventsConsumer(InboundEvents inbound, DashboardChanges changes, ClinicActivity activity, IntakeFunnel funnel,
            ClinicWatch watch, CourseOutcomes outcomes) {
        super(inbound, "operations-treatment");
        this.changes = changes;
        this.activity = activity;
        this.funnel = funnel;
        this.watch = watch;
        this.outcomes = outcomes;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.every(changes.announcing(event -> {
            activity.apply(event);
            funnel.apply(event);
            watch.apply(event);
            outcomes.apply(event);
        }));
    }
}
