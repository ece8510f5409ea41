package org.carecourse.scheduling.patient.integration.inbound;

import java.util.function.Consumer;

import org.carecourse.contracts.consultations.PatientRegistered;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.treatment.CourseClosed;
import org.carecourse.contracts.treatment.CourseHeld;
import org.carecourse.contracts.treatment.CourseHoldLifted;
import org.carecourse.contracts.treatment.SessionAborted;
import org.carecourse.contracts.treatment.SessionCompleted;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.CourseTransferred;
import org.carecourse.contracts.treatment.RemsPatientEnrolled;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.scheduling.booking.attendance.CourseAppointments;
import org.carecourse.scheduling.patient.query.PatientTreatmentCopies;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * What gates a booking comes from other services: consultations' registered patients (binding
 * {@code patientEvents-in-0}), screening's decisions (binding
 * {@code screeningEvents-in-0}), treatment's courses, their holds and Spravato REMS enrolments
 * ({@code treatmentEvents-in-0}); treatment's closed courses and sessions also move the course's
 * appointments ({@link CourseAppointments}).
 */
@Configuration(proxyBeanMethods = false)
class PatientFactsConsumers {

    @Bean
    Consumer<Message<byte[]>> patientEvents(InboundEvents inbound, PatientTreatmentCopies copies) {
        return message -> inbound.accept("scheduling-patients", message.getPayload(), event -> {
            if (event.payload() instanceof PatientRegistered registered) {
                copies.keepPatient(registered.patientId(), registered.homeClinicId(), event.occurredAt());
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> screeningEvents(InboundEvents inbound, PatientTreatmentCopies copies) {
        return message -> inbound.accept("scheduling-screening", message.getPayload(), event -> {
            if (event.payload() instanceof EligibilityDecided decided) {
                copies.keepDecision(event.patientId(), decided.decisionId(), decided.modality(), decided.outcome(), decided.validUntil(),
                        event.occurredAt());
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> treatmentEvents(InboundEvents inbound, PatientTreatmentCopies copies, CourseAppointments appointments) {
        return message -> inbound.accept("scheduling-treatment", message.getPayload(), event -> {
            if (event.payload() instanceof TreatmentCourseOpened opened) {
                copies.keepCourse(opened.courseId(), event.patientId(), event.clinicId(), opened.modality(), new PatientTreatmentCopies.Plan(
                        opened.inductionCount(), opened.inductionWindowDays(), opened.minimumSpacingHours()), event.occurredAt());
            } else if (event.payload() instanceof CourseTransferred transferred) {
                copies.changeCourse(transferred.courseId(), transferred.toClinicId(), null, event.occurredAt());
            } else if (event.payload() instanceof RemsPatientEnrolled enrolled) {
                copies.keepRemsEnrolment(event.patientId(), enrolled.courseId(), enrolled.enrolledOn());
            } else if (event.payload() instanceof CourseClosed closed) {
                copies.changeCourse(closed.courseId(), null, false, event.occurredAt());
                appointments.release(event, closed.courseId(), closed.outcome());
            } else if (event.payload() instanceof CourseHeld held) {
                copies.holdCourse(held.courseId(), held.reason(), event.occurredAt());
            } else if (event.payload() instanceof CourseHoldLifted lifted) {
                copies.holdCourse(lifted.courseId(), null, event.occurredAt());
            } else if (event.payload() instanceof SessionStarted started) {
                appointments.sessionStarted(event, event.patientId(), event.clinicId(), started.courseId(), started.startedAt());
            } else if (event.payload() instanceof SessionCompleted completed) {
                appointments.sessionEnded(event, event.patientId(), event.clinicId(), completed.courseId(), completed.completedAt());
            } else if (event.payload() instanceof SessionAborted aborted) {
                appointments.sessionEnded(event, event.patientId(), event.clinicId(), aborted.courseId(), aborted.abortedAt());
            }
        });
    }
}
