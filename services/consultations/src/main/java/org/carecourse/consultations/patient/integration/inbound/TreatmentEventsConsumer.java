package org.carecourse.consultations.patient.integration.inbound;

import org.carecourse.consultations.patient.query.CareClinics;
import org.carecourse.contracts.treatment.CourseTransferred;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Treatment's courses tell which clinics care for a patient: after a transfer the receiving
 * clinic reads the patient's demographics. Bound as {@code treatmentEvents-in-0}.
 */
@Component("treatmentEvents")
class TreatmentEventsConsumer extends InboundConsumer {

    private final CareClinics careClinics;

    TreatmentEventsConsumer(InboundEvents inbound, CareClinics careClinics) {
        super(inbound, "consultations-treatment");
        this.careClinics = careClinics;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.effects()
                .on(TreatmentCourseOpened.class,
                        (event, opened) -> careClinics.add(event.patientId(), event.clinicId(), "treatment-course", event.occurredAt()))
                .on(CourseTransferred.class, (event, transferred) -> careClinics.add(event.patientId(), transferred.toClinicId(),
                        "treatment-course", event.occurredAt()));
    }
}
