package org.carecourse.treatment.course.api;

import java.time.LocalDate;
import java.util.UUID;

/** The signed eligibility decision a course is opened from, as screening published it. */
public record EligibilityRef(UUID decisionId, UUID sourceEventId, String outcome, String modality, int protocolVersion,
        LocalDate validUntil) {
}
