package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * Revision 2 codes the severity, says whether the event is serious and whether it needs follow-up,
 * and separates onset from reporting (a reaction reported days after discharge). Revision 1 held
 * severity as free text; it is upcast keeping a text that matches a code, else the text in
 * {@code severityAsRecorded}.
 */
@Revision("2")
public record AdverseEventReportedEvent(UUID courseId, UUID patientId, UUID sessionId, UUID clinicId, String type,
        AdverseEventSeverity severity, String severityAsRecorded, boolean serious, boolean followUpRequired, String action,
        Instant onsetAt, Instant at) {
}
