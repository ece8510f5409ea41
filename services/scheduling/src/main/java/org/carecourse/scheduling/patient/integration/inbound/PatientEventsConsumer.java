package org.carecourse.scheduling.patient.integration.inbound;

import org.carecourse.contracts.consultations.PatientRegistered;
import org.carecourse.scheduling.patient.query.PatientTreatmentCopies;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Consultations' registered patients, whose home clinic a booking checks. Bound as {@code
 * patientEvents-in-0}.
 */
@Component("patientEvents")
class PatientEventsConsumer extends InboundConsumer {

    private final PatientTreatmentCopies copies;

    PatientEventsConsumer(InboundEvents inbound, PatientTreatmentCopies copies) {
        super(inbound, "scheduling-patients");
        this.copies = copies;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.effects().on(PatientRegistered.class,
                (event, registered) -> copies.keepPatient(registered.patientId(), registered.homeClinicId(), event.occurredAt()));
    }
}
