package org.carecourse.billing.charge.integration.inbound;

import java.util.function.Consumer;

import org.carecourse.billing.charge.pricing.ChargeDesk;
import org.carecourse.billing.charge.pricing.ChargePricing;
import org.carecourse.contracts.scheduling.AppointmentCancelled;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Missed appointments become fees by the clinic's fee schedule on the appointment's day: a no-show,
 * or the patient's own cancellation scheduling judged late by the clinic's notice period ({@link
 * ChargePricing#cancellationFee} decides). Bound as
 * {@code schedulingEvents-in-0}.
 */
@Component("schedulingEvents")
class SchedulingEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final ChargeDesk desk;
    private final InboundEffects effects;

    SchedulingEventsConsumer(InboundEvents inbound, ChargeDesk desk) {
        this.inbound = inbound;
        this.desk = desk;
        this.effects = effects();
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.accept("billing-scheduling", message.getPayload(), effects);
    }

    private InboundEffects effects() {
        return InboundEffects.effects()
                .on(AppointmentNoShowed.class, (event, noShowed) -> desk.post(event, event.patientId(), noShowed.clinicId(),
                        noShowed.startsAt(), event.type(), noShowed.appointmentId(),
                        p -> ChargePricing.noShowFee(p.clinicId(), p.day(), p.fees()).orElse(null)))
                .on(AppointmentCancelled.class, (event, cancelled) -> desk.post(event, event.patientId(), cancelled.clinicId(),
                        cancelled.startsAt(), event.type(), cancelled.appointmentId(),
                        p -> ChargePricing.cancellationFee(p.clinicId(), p.day(), p.fees(), cancelled.late(), cancelled.byPatient())
                                .orElse(null)));
    }
}
