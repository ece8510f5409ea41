package org.carecourse.treatment.protocol.upcasting;

import java.util.Map;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.protocol.api.TreatmentProtocolPublishedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Protocols published, and courses opened, before the protocol carried the pre-start vitals age,
 * the Spravato post-dose check window and the adverse-event reporting period are read with the
 * published defaults for those parameters: the rules did not exist then, so no clinic had set them.
 * Every parameter the stored protocol does hold is kept as it was.
 */
@Component
@Order(2)
public class ProtocolParametersUpcaster extends SingleEventUpcaster {

    private static final Map<SimpleSerializedType, SimpleSerializedType> NEXT_REVISION = Map.of(
            new SimpleSerializedType(CourseOpenedEvent.class.getName(), "3"),
            new SimpleSerializedType(CourseOpenedEvent.class.getName(), "4"),
            new SimpleSerializedType(TreatmentProtocolPublishedEvent.class.getName(), "1"),
            new SimpleSerializedType(TreatmentProtocolPublishedEvent.class.getName(), "2"));
    private static final JsonNode DEFAULTS = ProtocolGroupsUpcaster.flatDefaults();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return NEXT_REVISION.containsKey(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(NEXT_REVISION.get(representation.getType()), ObjectNode.class, payload -> {
            ObjectNode protocol = (ObjectNode) payload.get("protocol");
            DEFAULTS.properties().forEach(parameter -> {
                if (!protocol.has(parameter.getKey())) {
                    protocol.set(parameter.getKey(), parameter.getValue());
                }
            });
            return payload;
        });
    }
}
