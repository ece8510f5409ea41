package org.carecourse.billing.charge.integration.inbound;

import org.carecourse.billing.charge.pricing.ChargeDesk;
import org.carecourse.billing.charge.pricing.ChargePricing;
import org.carecourse.contracts.scheduling.AppointmentCancelled;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Missed appointments become fees by the clinic's fee schedule on the appointment's day: a no-show,
 * or the patient's own cancellation scheduling judged late by the clinic's notice period ({@link
 * ChargePricing#cancellationFee} decides). Bound as
 * {@code schedulingEvents-in-0}.
 */
@Component("schedulingEvents")
class SchedulingEventsConsumer extends InboundConsumer {

    private final ChargeDesk desk;

    SchedulingEventsConsumer(InboundEvents inbound, ChargeDesk desk) {
        super(inbound, "billing-scheduling");
        this.desk = desk;
    }

    @Override
    protected InboundEffects effects() {
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
