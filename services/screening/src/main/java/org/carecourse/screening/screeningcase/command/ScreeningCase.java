package org.carecourse.screening.screeningcase.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.screening.screeningcase.api.OpenScreeningCaseCommand;
import org.carecourse.screening.screeningcase.api.ScreeningCaseOpenedEvent;

/** One patient's screening at one clinic, from opening to the eligibility decision. */
@Aggregate
class ScreeningCase {

    @AggregateIdentifier
    private UUID caseId;

    ScreeningCase() {
        // for Axon
    }

    @CommandHandler
    ScreeningCase(OpenScreeningCaseCommand command) {
        apply(new ScreeningCaseOpenedEvent(command.caseId(), command.patientId(), command.clinicId(),
                command.consultationId(), command.openedAt()));
    }

    @EventSourcingHandler
    void on(ScreeningCaseOpenedEvent event) {
        this.caseId = event.caseId();
    }
}
