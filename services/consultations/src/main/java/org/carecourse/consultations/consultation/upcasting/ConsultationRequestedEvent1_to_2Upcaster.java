package org.carecourse.consultations.consultation.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.carecourse.consultations.consultation.api.ConsultationRequestedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 carried the patient's demographics inside the consultation request. Revision 2
 * refers to the patient by id only, and adds contact preference, referral source and channel.
 * Old requests were made by staff and said nothing of contact preference: phone, the clinics'
 * default, is assumed.
 */
@Component
@Order(0)
class ConsultationRequestedEvent1_to_2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ConsultationRequestedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ConsultationRequestedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, payload -> {
            payload.remove("patient");
            payload.put("contactPreference", "phone");
            payload.putNull("referralSource");
            payload.put("channel", "staff");
            return payload;
        });
    }
}
