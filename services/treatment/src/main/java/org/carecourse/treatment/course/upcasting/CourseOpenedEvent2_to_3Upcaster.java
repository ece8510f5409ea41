package org.carecourse.treatment.course.upcasting;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
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
class CourseOpenedEvent2_to_3Upcaster extends RevisionUpcaster {

    CourseOpenedEvent2_to_3Upcaster() {
        super(CourseOpenedEvent.class, "2", "3");
    }

    @Override
    void upcast(ObjectNode payload, IntermediateEventRepresentation representation) {
        payload.putNull("treatmentProtocolVersion");
    }
}
