package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carecourse.instruments.Modality;

import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.TreatmentProtocol;

/**
 * Revision 5 names the course's indication (its target instrument) and takes its baseline from
 * the instruments screening scored for the eligibility decision, instead of one typed PHQ-9.
 * Revision 4 added protocol parameters (pre-start vitals age, Spravato post-dose check, adverse-event
 * reporting days, outcome criteria per instrument). Revision 3 cites the clinic's treatment
 * protocol version the course copied ({@code null} for courses opened before protocols were
 * per-clinic data). Revision 2 added the Spravato pre-dose BP delay threshold to the protocol.
 * Older revisions are upcast on read.
 */
@Revision("6")
public record CourseOpenedEvent(UUID courseId, UUID patientId, UUID clinicId, Modality modality, Indication indication,
        EligibilityRef eligibility, CoursePlan plan, TreatmentProtocol protocol, Integer treatmentProtocolVersion,
        List<BaselineScore> baseline, Instant openedAt) {

    public CourseOpenedEvent {
        baseline = baseline == null ? List.of() : List.copyOf(baseline);
    }
}
