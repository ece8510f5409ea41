package org.carecourse.treatment.course.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.carecourse.treatment.course.api.RemsPatientEnrolledEvent;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * The patient's Spravato REMS enrolment on the course: recorded once it is made (dated no later than
 * today on the clinic's calendar), and before the first dose. Recording the same enrolment again
 * changes nothing; another one is refused (a correction is an amendment's job).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class RemsEnrolment {

    private String enrolmentId;

    /** Whether this enrolment is already the course's; another one is refused. */
    boolean alreadyRecorded(String enrolment, LocalDate enrolledOn, Instant at, ZoneId clinicZone) {
        if (enrolledOn.isAfter(at.atZone(clinicZone).toLocalDate())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "enrolment-in-the-future", "an enrolment is recorded once it is made");
        }
        if (enrolmentId == null) {
            return false;
        }
        if (!enrolmentId.equals(enrolment)) {
            throw new BusinessRuleViolation(Kind.CONFLICT, "rems-enrolment-recorded", "the course already records REMS enrolment "
                    + enrolmentId);
        }
        return true;
    }

    void requireBeforeFirstDose() {
        if (enrolmentId == null) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "rems-enrolment-required", "the patient is enrolled in the Spravato"
                    + " REMS before the first dose");
        }
    }

    @EventSourcingHandler
    void on(RemsPatientEnrolledEvent event) {
        enrolmentId = event.enrolmentId();
    }
}
