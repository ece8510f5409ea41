package org.carecourse.scheduling.patient.integration.inbound;

import org.carecourse.contracts.treatment.CourseClosed;
import org.carecourse.contracts.treatment.CourseHeld;
import org.carecourse.contracts.treatment.CourseHoldLifted;
import org.carecourse.contracts.treatment.CourseTransferred;
import org.carecourse.contracts.treatment.RemsPatientEnrolled;
import org.carecourse.contracts.treatment.SessionAborted;
import org.carecourse.contracts.treatment.SessionCompleted;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.scheduling.booking.attendance.CourseAppointments;
import org.carecourse.scheduling.patient.query.PatientTreatmentCopies;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Treatment's courses, their holds and Spravato REMS enrolments gate bookings; closed courses and
 * sessions move the course's appointments ({@link CourseAppointments}). Bound as
 * {@code treatmentEvents-in-0}.
 */
@Component("treatmentEvents")
class TreatmentEventsConsumer extends InboundConsumer {

    private final PatientTreatmentCopies copies;
    private final CourseAppointments appointments;

    TreatmentEventsConsumer(InboundEvents inbound, PatientTreatmentCopies copies, CourseAppointments appointments) {
        super(inbound, "scheduling-treatment");
        this.copies = copies;
        this.appointments = appointments;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.effects()
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
    }
}
