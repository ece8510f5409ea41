package org.carecourse.treatment.course.upcasting;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.course.api.Indication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Courses opened before indications and screening-sourced baselines measured depression on the
 * PHQ-9 only: they read as depression courses whose baseline is the PHQ-9 total typed in then
 * (none if none was typed).
 */
@Component
@Order(3)
class CourseOpenedEvent4_to_5Upcaster extends RevisionUpcaster {

    CourseOpenedEvent4_to_5Upcaster() {
        super(CourseOpenedEvent.class, "4", "5");
    }

    @Override
    void upcast(ObjectNode payload, IntermediateEventRepresentation representation) {
        payload.put("indication", Indication.DEPRESSION.code());
        JsonNode typed = payload.remove("baselinePhq9");
        ArrayNode baseline = payload.putArray("baseline");
        if (typed != null && !typed.isNull()) {
            baseline.addObject().put("instrument", "phq-9").put("total", typed.asInt());
        }
    }
}
