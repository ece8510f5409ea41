package org.carecourse.scheduling.patient.integration.inbound;

import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.scheduling.patient.query.PatientTreatmentCopies;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Screening's eligibility decisions, which gate a treatment booking. Bound as {@code
 * screeningEvents-in-0}.
 */
@Component("screeningEvents")
class ScreeningEventsConsumer extends InboundConsumer {

    private final PatientTreatmentCopies copies;

    ScreeningEventsConsumer(InboundEvents inbound, PatientTreatmentCopies copies) {
        super(inbound, "scheduling-screening");
        this.copies = copies;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.effects().on(EligibilityDecided.class, (event, decided) -> copies.keepDecision(
                event.patientId(), decided.decisionId(), decided.modality(), decided.outcome(), decided.validUntil(), event.occurredAt()));
    }
}
