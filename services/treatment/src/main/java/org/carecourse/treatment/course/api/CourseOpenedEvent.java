package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carecourse.treatment.clinical.TreatmentProtocol;

@Revision("1")
public record CourseOpenedEvent(UUID courseId, UUID patientId, UUID clinicId, Modality modality, EligibilityRef eligibility,
        CoursePlan plan, TreatmentProtocol protocol, Integer baselinePhq9, Instant openedAt) {
}
