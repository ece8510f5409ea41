package org.carecourse.screening.screeningcase.integration.inbound;

import java.time.Clock;
import java.util.function.Consumer;

import org.carecourse.contracts.Actor;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.screening.ScreeningApplication;
import org.carecourse.screening.screeningcase.api.OpenScreeningCaseCommand;
import org.carecourse.screening.screeningcase.api.ScreeningCaseIds;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** Consultation requests open screening cases. Bound as {@code consultationEvents-in-0}. */
@Component("consultationEvents")
class ConsultationEventsConsumer implements Consumer<Message<byte[]>> {

    static final String CONSUMER = "screening-consultations";

    private final InboundEvents inbound;
    private final InboundEffects effects;

    ConsultationEventsConsumer(InboundEvents inbound, CommandDispatch commands, Clock clock) {
        this.inbound = inbound;
        this.effects = InboundEffects.effects().on(ConsultationRequested.class, (event, requested) -> commands.sendFor(event,
                Actor.system(ScreeningApplication.NAME), requested.preferredClinicId(),
                new OpenScreeningCaseCommand(ScreeningCaseIds.forConsultation(requested.consultationId()), requested.patientId(),
                        requested.preferredClinicId(), requested.consultationId(), clock.instant())));
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.accept(CONSUMER, message.getPayload(), effects);
    }
}
