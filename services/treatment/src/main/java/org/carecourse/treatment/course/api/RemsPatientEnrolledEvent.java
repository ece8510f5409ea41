package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RemsPatientEnrolledEvent(UUID courseId, UUID patientId, UUID clinicId, String enrolmentId, LocalDate enrolledOn,
        String by, Instant at) {
}
