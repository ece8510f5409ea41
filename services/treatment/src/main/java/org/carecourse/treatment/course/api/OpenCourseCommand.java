package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.TreatmentProtocol;

public record OpenCourseCommand(@TargetAggregateIdentifier UUID courseId, UUID patientId, UUID clinicId, Modality modality,
        EligibilityRef eligibility, CoursePlan plan, TreatmentProtocol protocol, Integer treatmentProtocolVersion,
        Integer baselinePhq9, Instant openedAt) {
}
