package org.carecourse.screening.screeningcase.integration.outbound;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.screening.InstrumentScored;
import org.carecourse.contracts.screening.SafetyAlertRaised;
import org.carecourse.contracts.screening.SafetyAlertResolved;
import org.carecourse.contracts.screening.ScreeningCaseOpened;
import org.carecourse.screening.ScreeningApplication;
import org.carecourse.screening.screeningcase.api.EligibilityDecidedEvent;
import org.carecourse.screening.screeningcase.api.InstrumentScoredEvent;
import org.carecourse.screening.screeningcase.api.SafetyAlertRaisedEvent;
import org.carecourse.screening.screeningcase.api.SafetyAlertResolvedEvent;
import org.carecourse.screening.screeningcase.api.ScreeningCaseOpenedEvent;
import org.carecourse.servicekit.messaging.Envelopes;
import org.carecourse.servicekit.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Relay from screening's event store to Kafka. Scores leave the service; item answers, history,
 * safety plans and override reasons stay in it.
 */
@Component
@ProcessingGroup("screening-outbound")
class ScreeningOutbound {

    private final IntegrationEventPublisher publisher;

    ScreeningOutbound(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ScreeningCaseOpenedEvent event, EventMessage<?> stored) {
        publish(stored, event.patientId(), event.clinicId(),
                new ScreeningCaseOpened(event.caseId(), event.patientId(), event.clinicId(), event.consultationId()));
    }

    @EventHandler
    void on(InstrumentScoredEvent event, EventMessage<?> stored) {
        var score = event.score();
        publish(stored, event.patientId(), event.clinicId(), new InstrumentScored(event.caseId(), event.submissionId(),
                score.instrument().code(), score.total(), score.band(), score.safetyConcern(), score.provisionalPtsd(),
                score.dsm5ClusterMet()));
    }

    @EventHandler
    void on(SafetyAlertRaisedEvent event, EventMessage<?> stored) {
        publish(stored, event.patientId(), event.clinicId(), new SafetyAlertRaised(event.alertId(), event.caseId(), event.trigger()));
    }

    @EventHandler
    void on(SafetyAlertResolvedEvent event, EventMessage<?> stored) {
        publish(stored, event.patientId(), event.clinicId(), new SafetyAlertResolved(event.alertId(), event.caseId(),
                event.cssrsRisk(), event.disposition().code()));
    }

    @EventHandler
    void on(EligibilityDecidedEvent event, EventMessage<?> stored) {
        publish(stored, event.patientId(), event.clinicId(), new EligibilityDecided(event.decisionId(), event.caseId(),
                event.modality().code(), event.outcome().code(), event.proposedOutcome().code(), event.overridden(),
                event.protocolVersion(), event.validUntil(),
                event.scores().stream().map(s -> new EligibilityDecided.Score(s.instrument().code(), s.total(), s.band())).toList(),
                event.rulesFired().stream().map(r -> new EligibilityDecided.Rule(r.rule(), r.effect().code())).toList()));
    }

    private void publish(EventMessage<?> stored, UUID patientId, UUID clinicId, EventPayload payload) {
        publisher.publish(Envelopes.from(stored, ScreeningApplication.NAME, patientId, clinicId, payload));
    }
}
