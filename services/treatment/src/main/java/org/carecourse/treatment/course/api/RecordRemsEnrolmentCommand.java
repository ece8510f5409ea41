package org.carecourse.treatment.course.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A prescriber records the patient's enrolment in the Spravato REMS ({@code enrolmentId}: the REMS
 * patient number), dated on the calendar of the course's clinic ({@code clinicZone}).
 */
public record RecordRemsEnrolmentCommand(@TargetAggregateIdentifier UUID courseId, String enrolmentId, LocalDate enrolledOn,
        ZoneId clinicZone, String by, Instant at) {
}
