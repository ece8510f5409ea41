package org.carecourse.treatment.course.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 outcomes were PHQ-9 totals typed in, on depression courses: the course's target
 * instrument. Their item answers, band and submission id were never kept and read as null.
 */
@Component
class OutcomeRecordedEvent1_to_2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(OutcomeRecordedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(OutcomeRecordedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, payload -> {
            payload.putNull("submissionId");
            payload.putNull("items");
            payload.putNull("band");
            payload.put("target", true);
            return payload;
        });
    }
}
