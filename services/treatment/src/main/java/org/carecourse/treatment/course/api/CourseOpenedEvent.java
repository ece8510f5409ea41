package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.TreatmentProtocol;

/**
 * Revision 2: the protocol carries the Spravato pre-dose BP delay threshold. Revision 1 courses
 * get the published default (140/90) from {@code CourseOpenedEvent1_to_2Upcaster}.
 */
@Revision("2")
public record CourseOpenedEvent(UUID courseId, UUID patientId, UUID clinicId, Modality modality, EligibilityRef eligibility,
        CoursePlan plan, TreatmentProtocol protocol, Integer baselinePhq9, Instant openedAt) {
}
