package org.carecourse.treatment.course.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * Courses opened before treatment protocols were per-clinic versioned data cite no version:
 * they ran on the published defaults copied into them, which the event already holds.
 */
@Component
@Order(1)
class CourseOpenedEvent2_to_3Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CourseOpenedEvent.class.getName(), "2");
    private static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(CourseOpenedEvent.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_2);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, ObjectNode.class, payload -> {
            payload.putNull("treatmentProtocolVersion");
            return payload;
        });
    }
}
