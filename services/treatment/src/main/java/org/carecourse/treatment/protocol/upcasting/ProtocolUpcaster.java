package org.carecourse.treatment.protocol.upcasting;

import java.util.Map;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.carecourse.treatment.course.api.CourseOpenedEvent;
import org.carecourse.treatment.protocol.api.TreatmentProtocolPublishedEvent;

import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites the treatment protocol a stored event carries: a clinic's published version and the
 * copy a course took when it opened change shape together, each from one revision to its next.
 */
abstract class ProtocolUpcaster extends SingleEventUpcaster {

    private final Map<SimpleSerializedType, SimpleSerializedType> nextRevision;

    ProtocolUpcaster(String courseOpenedFrom, String courseOpenedTo, String publishedFrom, String publishedTo) {
        this.nextRevision = Map.of(
                new SimpleSerializedType(CourseOpenedEvent.class.getName(), courseOpenedFrom),
                new SimpleSerializedType(CourseOpenedEvent.class.getName(), courseOpenedTo),
                new SimpleSerializedType(TreatmentProtocolPublishedEvent.class.getName(), publishedFrom),
                new SimpleSerializedType(TreatmentProtocolPublishedEvent.class.getName(), publishedTo));
    }

    /** The stored protocol in the next revision's shape (the node given may be changed and returned). */
    abstract ObjectNode rewrite(ObjectNode protocol);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return nextRevision.containsKey(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(nextRevision.get(representation.getType()), ObjectNode.class, payload -> {
            payload.set("protocol", rewrite((ObjectNode) payload.get("protocol")));
            return payload;
        });
    }
}
