package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.carecourse.instruments.Modality;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carecourse.treatment.clinical.TreatmentProtocol;

/** {@code clinicZone} is the opening clinic's zone: eligibility is valid through its last day there. */
public record OpenCourseCommand(@TargetAggregateIdentifier UUID courseId, UUID patientId, UUID clinicId, ZoneId clinicZone,
        Modality modality, Indication indication, EligibilityRef eligibility, List<BaselineScore> baseline, CoursePlan plan,
        TreatmentProtocol protocol, Integer treatmentProtocolVersion, Instant openedAt) {
}
