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
import org.carecourse.servicekit.messaging.InboundEffects;
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
        InboundEffects effects = InboundEffects.effects().on(PatientRegistered.class,
                (event, registered) -> copies.keepPatient(registered.patientId(), registered.homeClinicId(), event.occurredAt()));
        return message -> inbound.accept("scheduling-patients", message.getPayload(), effects);
    }

    @Bean
    Consumer<Message<byte[]>> screeningEvents(InboundEvents inbound, PatientTreatmentCopies copies) {
        InboundEffects effects = InboundEffects.effects().on(EligibilityDecided.class, (event, decided) -> copies.keepDecision(
                event.patientId(), decided.decisionId(), decided.modality(), decided.outcome(), decided.validUntil(), event.occurredAt()));
        return message -> inbound.accept("scheduling-screening", message.getPayload(), effects);
    }

    @Bean
    Consumer<Message<byte[]>> treatmentEvents(InboundEvents inbound, PatientTreatmentCopies copies, CourseAppointments appointments) {
        InboundEffects effects = InboundEffects.effects()
                .on(TreatmentCourseOpened.class, (event, opened) -> copies.keepCourse(opened.courseId(), event.patientId(),
                        event.clinicId(), opened.modality(), new PatientTreatmentCopies.Plan(opened.inductionCount(),
                                opened.inductionWindowDays(), opened.minimumSpacingHours()), event.occurredAt()))
                .on(CourseTransferred.class, (event, transferred) ->
                        copies.changeCourse(transferred.courseId(), transferred.toClinicId(), null, event.occurredAt()))
                .on(RemsPatientEnrolled.class, (event, enrolled) ->
                        copies.keepRemsEnrolment(event.patientId(), enrolled.courseId(), enrolled.enrolledOn()))
                .on(CourseClosed.class, (event, closed) -> {
                    copies.changeCourse(closed.courseId(), null, false, event.occurredAt());
                    appointments.release(event, closed.courseId(), closed.outcome());
                })
                .on(CourseHeld.class, (event, held) -> copies.holdCourse(held.courseId(), held.reason(), event.occurredAt()))
                .on(CourseHoldLifted.class, (event, lifted) -> copies.holdCourse(lifted.courseId(), null, event.occurredAt()))
                .on(SessionStarted.class, (event, started) ->
                        appointments.sessionStarted(event, event.patientId(), event.clinicId(), started.courseId(), started.startedAt()))
                .on(SessionCompleted.class, (event, completed) ->
                        appointments.sessionEnded(event, event.patientId(), event.clinicId(), completed.courseId(), completed.completedAt()))
                .on(SessionAborted.class, (event, aborted) ->
                        appointments.sessionEnded(event, event.patientId(), event.clinicId(), aborted.courseId(), aborted.abortedAt()));
        return message -> inbound.accept("scheduling-treatment", message.getPayload(), effects);
    }
}
