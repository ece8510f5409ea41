package org.carecourse.consultations.consultation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.consultations.consultation.api.ConsultationRequestedEvent;
import org.carecourse.consultations.consultation.api.RequestConsultationCommand;
import org.carecourse.servicekit.domain.BusinessRuleViolation;

/** A request for a free consultation, from first contact until the consult's outcome. */
@Aggregate
class Consultation {

    @AggregateIdentifier
    private UUID consultationId;

    Consultation() {
        // for Axon
    }

    @CommandHandler
    Consultation(RequestConsultationCommand command) {
        if (command.conditions().isEmpty()) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, "conditions-required",
                    "a consultation request names at least one condition");
        }
        apply(new ConsultationRequestedEvent(command.consultationId(), command.patientId(), command.clinicId(),
                command.patient(), command.conditions(), command.requestedAt()));
    }

    @EventSourcingHandler
    void on(ConsultationRequestedEvent event) {
        this.consultationId = event.consultationId();
    }
}
