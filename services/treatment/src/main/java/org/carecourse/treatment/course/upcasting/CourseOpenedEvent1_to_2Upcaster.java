package org.carecourse.treatment.course.upcasting;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.protocol.upcasting.ProtocolGroupsUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 courses were opened before the protocol carried the Spravato pre-dose BP delay
 * threshold; they are read with the published default (140/90), the value their clinics' protocols
 * implied when the rule was not yet modelled.
 */
@Component
@Order(0)
class CourseOpenedEvent1_to_2Upcaster extends RevisionUpcaster {

    CourseOpenedEvent1_to_2Upcaster() {
        super(CourseOpenedEvent.class, "1", "2");
    }

    @Override
    void upcast(ObjectNode payload, IntermediateEventRepresentation representation) {
        ObjectNode defaults = ProtocolGroupsUpcaster.flatDefaults();
        ObjectNode protocol = (ObjectNode) payload.get("protocol");
        protocol.set("spravatoDelaySystolic", defaults.get("spravatoDelaySystolic"));
        protocol.set("spravatoDelayDiastolic", defaults.get("spravatoDelayDiastolic"));
    }
}
