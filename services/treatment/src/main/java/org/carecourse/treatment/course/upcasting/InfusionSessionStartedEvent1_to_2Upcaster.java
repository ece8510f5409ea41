package org.carecourse.treatment.course.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.carecourse.servicekit.axon.MetadataKeys;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 kept a dose-cap override as its reason alone. The override was given by whoever
 * started the session (only a prescriber may) when it started, so who and when come from the
 * event's own actor and start time; there was no spacing override then.
 */
@Component
class InfusionSessionStartedEvent1_to_2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(InfusionSessionStartedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(InfusionSessionStartedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        Object actor = representation.getMetaData().getObject().get(MetadataKeys.ACTOR_ID);
        return representation.upcastPayload(REVISION_2, ObjectNode.class, payload -> {
            JsonNode reason = payload.remove("capOverrideReason");
            if (reason == null || reason.isNull()) {
                payload.putNull("capOverride");
            } else {
                ObjectNode override = payload.putObject("capOverride");
                override.put("by", actor == null ? null : actor.toString());
                override.set("at", payload.get("startedAt"));
                override.set("reason", reason);
            }
            payload.putNull("spacingOverride");
            return payload;
        });
    }
}
