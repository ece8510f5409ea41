package org.carecourse.scheduling.booking.planning;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.carecourse.scheduling.clinic.api.AppointmentType;
import org.carecourse.scheduling.patient.query.PatientTreatmentCopies;
import org.carecourse.servicekit.domain.BusinessRuleViolation.Kind;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.springframework.stereotype.Component;

/**
 * Every appointment needs a patient the chain registered. Treatment appointments need the patient's eligibility for the modality, valid on the
 * appointment's day in the clinic's calendar, and an open course of it not on hold; Spravato also needs the
 * patient's REMS enrolment (the clinic's certification is the planner's). A refusal names the gate.
 * Consults need neither.
 */
@Component
class BookingGates {

    private final PatientTreatmentCopies copies;

    BookingGates(PatientTreatmentCopies copies) {
        this.copies = copies;
    }

    /** The open course the appointment serves; none for a consult. */
    PatientTreatmentCopies.Course require(UUID patientId, AppointmentType type, LocalDate clinicDay) {
        return forPatient(patientId, type).apply(clinicDay);
    }

    /**
     * The gates for the patient and type on any clinic day, from what scheduling knows of the
     * patient read once (a search asks for many days): the course each day gives, or the refusal.
     */
    Function<LocalDate, PatientTreatmentCopies.Course> forPatient(UUID patientId, AppointmentType type) {
        if (!copies.isKnown(patientId)) {
            throw unknown(patientId);
        }
        if (type.modality() == null) {
            return day -> null;
        }
        Optional<PatientTreatmentCopies.Eligibility> decision = copies.eligibility(patientId);
        Optional<PatientTreatmentCopies.Course> course = copies.openCourse(patientId, type.modality());
        boolean remsEnrolled = type == AppointmentType.SPRAVATO && copies.isRemsEnrolled(patientId);
        return day -> check(type, day, decision, course, remsEnrolled);
    }

    /** Consultations registers every patient of the chain; an id it never registered is a typo or an invention. */
    static BusinessRuleViolation unknown(UUID patientId) {
        return new BusinessRuleViolation(Kind.UNPROCESSABLE, "unknown-patient", "no patient " + patientId + " is registered in the"
                + " chain's patient index (a newly registered one is known within seconds)");
    }

    /**
     * The gates on what scheduling knows of the patient: their latest decision, their open course
     * of the modality and, for Spravato, their REMS enrolment.
     */
    static PatientTreatmentCopies.Course check(AppointmentType type, LocalDate clinicDay,
            Optional<PatientTreatmentCopies.Eligibility> decision, Optional<PatientTreatmentCopies.Course> course, boolean remsEnrolled) {
        String modality = type.modality();
        if (modality == null) {
            return null;
        }
        PatientTreatmentCopies.Eligibility eligibility = decision.orElseThrow(() -> new BusinessRuleViolation(
                Kind.UNPROCESSABLE, "eligibility-required", "no eligibility decision is known for the patient"));
        if (!"eligible".equals(eligibility.outcome()) || !modality.equals(eligibility.modality())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "eligibility-required", "the patient's latest decision is "
                    + eligibility.outcome() + " for " + eligibility.modality() + ", not eligible for " + modality);
        }
        if (clinicDay.isAfter(eligibility.validUntil())) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "eligibility-expired", "the patient's eligibility ends "
                    + eligibility.validUntil() + ", before the appointment's day " + clinicDay);
        }
        PatientTreatmentCopies.Course open = course.orElseThrow(() -> new BusinessRuleViolation(Kind.UNPROCESSABLE,
                "course-required", "the patient has no open " + modality + " course"));
        if (open.holdReason() != null) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "course-on-hold", "the patient's " + modality + " course is on hold ("
                    + open.holdReason() + ") until a prescriber decides");
        }
        if (type == AppointmentType.SPRAVATO && !remsEnrolled) {
            throw new BusinessRuleViolation(Kind.UNPROCESSABLE, "rems-enrolment-required", "the patient is not enrolled in the"
                    + " Spravato REMS");
        }
        return open;
    }
}
