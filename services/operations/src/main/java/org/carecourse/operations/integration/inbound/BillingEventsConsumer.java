package org.carecourse.operations.integration.inbound;

import org.carecourse.operations.activity.query.ClinicActivity;
import org.carecourse.operations.dashboard.live.DashboardChanges;
import org.carecourse.operations.receivable.query.ClinicReceivables;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Charges, invoices and payments feed each clinic's money and its receivables; each change is
 * announced to open dashboards. Bound as {@code billingEvents-in-0}.
 */
@Component("billingEvents")
class BillingEventsConsumer extends InboundConsumer {

    private final DashboardChanges changes;
    private final ClinicActivity activity;
    private final ClinicReceivables receivables;

    BillingEventsConsumer(InboundEvents inbound, DashboardChanges changes, ClinicActivity activity,
            ClinicReceivables receivables) {
        super(inbound, "operations-billing");
        this.changes = changes;
        this.activity = activity;
        this.receivables = receivables;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.every(changes.announcing(event -> {
            activity.apply(event);
            receivables.apply(event);
        }));
    }
}
