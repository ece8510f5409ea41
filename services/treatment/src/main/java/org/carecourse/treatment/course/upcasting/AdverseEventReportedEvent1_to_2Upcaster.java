package org.carecourse.treatment.course.upcasting;

import java.util.Locale;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.carecourse.servicekit.domain.Coded;
import org.carecourse.treatment.course.api.AdverseEventReportedEvent;
import org.carecourse.treatment.course.api.AdverseEventSeverity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 took severity as free text. A text that is one of today's codes becomes that code;
 * any other text is kept as recorded with no code, rather than guessed into a grade, and flagged for
 * follow-up because its grade is unknown. Seriousness was not asked then (false); onset was taken to
 * be the report time.
 */
@Component
class AdverseEventReportedEvent1_to_2Upcaster extends RevisionUpcaster {

    AdverseEventReportedEvent1_to_2Upcaster() {
        super(AdverseEventReportedEvent.class, "1", "2");
    }

    @Override
    void upcast(ObjectNode payload, IntermediateEventRepresentation representation) {
        String text = payload.path("severity").asString("");
        var coded = Coded.find(AdverseEventSeverity.values(), text.strip().toLowerCase(Locale.ROOT));
        if (coded.isPresent()) {
            payload.put("severity", coded.get().code());
            payload.putNull("severityAsRecorded");
        } else {
            payload.putNull("severity");
            payload.put("severityAsRecorded", text);
        }
        payload.put("serious", false);
        payload.put("followUpRequired", coded.map(AdverseEventSeverity::needsFollowUp).orElse(true));
        payload.set("onsetAt", payload.get("at"));
    }
}
