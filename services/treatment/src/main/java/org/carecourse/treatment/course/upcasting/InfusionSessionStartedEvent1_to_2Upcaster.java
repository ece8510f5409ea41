package org.carecourse.treatment.course.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.carecourse.servicekit.axon.MetadataKeys;
import org.carecourse.treatment.course.api.InfusionSessionStartedEvent;
import org.carecourse.treatment.course.api.OverrideRule;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 kept a dose-cap override as its reason alone. The override was given by whoever
 * started the session (only a prescriber may) when it started, so who and when come from the
 * event's own actor and start time; no other rule could be overridden then.
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
            ArrayNode overrides = payload.putArray("overrides");
            if (reason != null && !reason.isNull()) {
                ObjectNode override = overrides.addObject();
                override.put("rule", OverrideRule.DOSE_CAP.code());
                override.put("by", actor == null ? null : actor.toString());
                override.set("at", payload.get("startedAt"));
                override.set("reason", reason);
            }
            return payload;
        });
    }
}
