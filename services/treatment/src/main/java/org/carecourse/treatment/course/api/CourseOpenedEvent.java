package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.TreatmentProtocol;

/**
 * Revision 4 adds protocol parameters (pre-start vitals age, Spravato post-dose check, adverse-event
 * reporting days), read with their defaults in older events. Revision 3 cites the clinic's treatment
 * protocol version the course copied ({@code null} for courses opened before protocols were
 * per-clinic data). Revision 2 added the Spravato pre-dose BP delay threshold to the protocol.
 * Older revisions are upcast on read.
 */
@Revision("4")
public record CourseOpenedEvent(UUID courseId, UUID patientId, UUID clinicId, Modality modality, EligibilityRef eligibility,
        CoursePlan plan, TreatmentProtocol protocol, Integer treatmentProtocolVersion, Integer baselinePhq9, Instant openedAt) {
}
