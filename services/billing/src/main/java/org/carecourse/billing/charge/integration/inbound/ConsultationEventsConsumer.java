package org.carecourse.billing.charge.integration.inbound;

import org.carecourse.billing.charge.pricing.ChargeDesk;
import org.carecourse.billing.charge.pricing.ChargePricing;
import org.carecourse.contracts.consultations.ConsultationCompleted;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * A completed consultation is charged under its E/M code where the clinic's schedule prices it
 * (the free consultation charges nothing). Bound as {@code consultationEvents-in-0}.
 */
@Component("consultationEvents")
class ConsultationEventsConsumer extends InboundConsumer {

    private final ChargeDesk desk;

    ConsultationEventsConsumer(InboundEvents inbound, ChargeDesk desk) {
        super(inbound, "billing-consultations");
        this.desk = desk;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.effects().on(ConsultationCompleted.class, (event, completed) -> desk.post(event,
                completed.patientId(), completed.clinicId(), event.occurredAt(), event.type(), completed.consultationId(),
                p -> ChargePricing.consultation(p.clinicId(), p.day(), p.fees()).orElse(null)));
    }
}
