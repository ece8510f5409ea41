package org.carecourse.consultations.patient.integration.inbound;

import java.util.function.Consumer;

import org.carecourse.consultations.patient.query.CareClinics;
import org.carecourse.contracts.treatment.CourseTransferred;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Treatment's courses tell which clinics care for a patient: after a transfer the receiving
 * clinic reads the patient's demographics. Bound as {@code treatmentEvents-in-0}.
 */
@Component("treatmentEvents")
class TreatmentEventsConsumer implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final InboundEffects effects;

    TreatmentEventsConsumer(InboundEvents inbound, CareClinics careClinics) {
        this.inbound = inbound;
        this.effects = InboundEffects.effects()
                .on(TreatmentCourseOpened.class,
                        (event, opened) -> careClinics.add(event.patientId(), event.clinicId(), "treatment-course", event.occurredAt()))
                .on(CourseTransferred.class, (event, transferred) -> careClinics.add(event.patientId(), transferred.toClinicId(),
                        "treatment-course", event.occurredAt()));
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.accept("consultations-treatment", message.getPayload(), effects);
    }
}
