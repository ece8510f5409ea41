package org.carecourse.consultations.consultation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.consultations.consultation.api.ConsultationCompletedEvent;
import org.carecourse.consultations.consultation.api.ConsultationRequestedEvent;
import org.carecourse.consultations.consultation.api.RecordConsultOutcomeCommand;
import org.carecourse.consultations.consultation.api.RequestConsultationCommand;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;

/** A request for a free consultation, from first contact until the consult's outcome. */
@Aggregate
class Consultation {

    @AggregateIdentifier
    private UUID consultationId;
    private UUID patientId;
    private UUID clinicId;
    private boolean completed;

    Consultation() {
        // for Axon
    }

    @CommandHandler
    Consultation(RequestConsultationCommand command) {
        if (command.conditions().isEmpty()) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "conditions-required",
                    "a consultation request names at least one condition");
        }
        apply(new ConsultationRequestedEvent(command.consultationId(), command.patientId(), command.clinicId(),
                command.conditions(), command.contactPreference(), command.referralSource(), command.channel(),
                command.requestedAt()));
    }

    @CommandHandler
    void handle(RecordConsultOutcomeCommand command) {
        if (completed) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "consultation-completed", "the consult's outcome is already recorded");
        }
        if (command.outcome().needsReason() && (command.reason() == null || command.reason().isBlank())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "outcome-needs-reason",
                    command.outcome().code() + " needs a written reason");
        }
        apply(new ConsultationCompletedEvent(consultationId, patientId, clinicId, command.outcome(),
                command.reason() == null || command.reason().isBlank() ? null : command.reason().strip(), command.completedAt()));
    }

    @EventSourcingHandler
    void on(ConsultationRequestedEvent event) {
        consultationId = event.consultationId();
        patientId = event.patientId();
        clinicId = event.clinicId();
    }

    @EventSourcingHandler
    void on(ConsultationCompletedEvent event) {
        completed = true;
    }
}
