package org.carecourse.billing.charge.integration.inbound;

import java.util.function.Consumer;

import org.carecourse.billing.charge.pricing.ChargeDesk;
import org.carecourse.billing.charge.pricing.ChargePricing;
import org.carecourse.contracts.consultations.ConsultationCompleted;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * A completed consultation is charged under its E/M code where the clinic's schedule prices it
 * (the free consultation charges nothing). Bound as {@code consultationEvents-in-0}.
 */
@Component("consultationEvents")
class ConsultationEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final InboundEffects effects;

    ConsultationEventsConsumer(InboundEvents inbound, ChargeDesk desk) {
        this.inbound = inbound;
        this.effects = InboundEffects.effects().on(ConsultationCompleted.class, (event, completed) -> desk.post(event,
                completed.patientId(), completed.clinicId(), event.occurredAt(), event.type(), completed.consultationId(),
                p -> ChargePricing.consultation(p.clinicId(), p.day(), p.fees()).orElse(null)));
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.accept("billing-consultations", message.getPayload(), effects);
    }
}
