package org.carecourse.treatment.course.upcasting;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
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
class InfusionSessionStartedEvent1_to_2Upcaster extends RevisionUpcaster {

    InfusionSessionStartedEvent1_to_2Upcaster() {
        super(InfusionSessionStartedEvent.class, "1", "2");
    }

    @Override
    void upcast(ObjectNode payload, IntermediateEventRepresentation representation) {
        Object actor = representation.getMetaData().getObject().get(MetadataKeys.ACTOR_ID);
        JsonNode reason = payload.remove("capOverrideReason");
        ArrayNode overrides = payload.putArray("overrides");
        if (reason != null && !reason.isNull()) {
            ObjectNode override = overrides.addObject();
            override.put("rule", OverrideRule.DOSE_CAP.code());
            override.put("by", actor == null ? null : actor.toString());
            override.set("at", payload.get("startedAt"));
            override.set("reason", reason);
        }
    }
}
