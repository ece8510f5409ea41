package org.carecourse.screening.screeningcase.integration.inbound;

import java.time.Clock;

import org.carecourse.contracts.Actor;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.screening.ScreeningApplication;
import org.carecourse.screening.screeningcase.api.OpenScreeningCaseCommand;
import org.carecourse.screening.screeningcase.api.ScreeningCaseIds;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/** Consultation requests open screening cases. Bound as {@code consultationEvents-in-0}. */
@Component("consultationEvents")
class ConsultationEventsConsumer extends InboundConsumer {

    static final String CONSUMER = "screening-consultations";

    private final CommandDispatch commands;
    private final Clock clock;

    ConsultationEventsConsumer(InboundEvents inbound, CommandDispatch commands, Clock clock) {
        super(inbound, CONSUMER);
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.effects().on(ConsultationRequested.class, (event, requested) -> commands.sendFor(event,
                Actor.system(ScreeningApplication.NAME), requested.preferredClinicId(),
                new OpenScreeningCaseCommand(ScreeningCaseIds.forConsultation(requested.consultationId()), requested.patientId(),
                        requested.preferredClinicId(), requested.consultationId(), clock.instant())));
    }
}
