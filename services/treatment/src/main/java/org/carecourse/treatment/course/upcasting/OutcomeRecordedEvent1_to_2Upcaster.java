package org.carecourse.treatment.course.upcasting;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.carecourse.treatment.course.api.OutcomeRecordedEvent;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 outcomes were PHQ-9 totals typed in, on depression courses: the course's target
 * instrument. Their item answers, band and submission id were never kept and read as null.
 */
@Component
class OutcomeRecordedEvent1_to_2Upcaster extends RevisionUpcaster {

    OutcomeRecordedEvent1_to_2Upcaster() {
        super(OutcomeRecordedEvent.class, "1", "2");
    }

    @Override
    void upcast(ObjectNode payload, IntermediateEventRepresentation representation) {
        payload.putNull("submissionId");
        payload.putNull("items");
        payload.putNull("band");
        payload.put("target", true);
    }
}
