package org.carecourse.consultations.patient.integration.inbound;

import java.util.function.Consumer;

import org.carecourse.consultations.patient.query.CareClinics;
import org.carecourse.contracts.treatment.CourseTransferred;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
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
    private final CareClinics careClinics;

    TreatmentEventsConsumer(InboundEvents inbound, CareClinics careClinics) {
        this.inbound = inbound;
        this.careClinics = careClinics;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.accept("consultations-treatment", message.getPayload(), event -> {
            if (event.payload() instanceof TreatmentCourseOpened) {
                careClinics.add(event.patientId(), event.clinicId(), "treatment-course", event.occurredAt());
            } else if (event.payload() instanceof CourseTransferred transferred) {
                careClinics.add(event.patientId(), transferred.toClinicId(), "treatment-course", event.occurredAt());
            }
        });
    }
}
