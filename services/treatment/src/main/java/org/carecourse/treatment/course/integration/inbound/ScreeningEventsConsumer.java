package org.carecourse.treatment.course.integration.inbound;

import org.carecourse.contracts.Actor;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.screening.SafetyAlertRaised;
import org.carecourse.contracts.screening.SafetyAlertResolved;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.carecourse.treatment.TreatmentApplication;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.carecourse.treatment.course.api.RecordScreeningFactCommand;
import org.carecourse.treatment.course.api.RecordScreeningFactCommand.ScreeningAlert;
import org.carecourse.treatment.course.query.CourseDirectory;
import org.carecourse.treatment.course.query.EligibilityCopies;
import org.springframework.stereotype.Component;

/**
 * Screening's facts: eligibility decisions are kept to open courses from, and decisions and
 * safety alerts enter the patient's open course streams with their provenance, where a newer
 * decision renews or holds the course and an open alert holds it. Bound as
 * {@code screeningEvents-in-0}.
 */
@Component("screeningEvents")
class ScreeningEventsConsumer extends InboundConsumer {

    private final EligibilityCopies eligibility;
    private final CourseDirectory courses;
    private final CommandDispatch commands;

    ScreeningEventsConsumer(InboundEvents inbound, EligibilityCopies eligibility, CourseDirectory courses,
            CommandDispatch commands) {
        super(inbound, "treatment-screening");
        this.courses = courses;
        this.commands = commands;
        this.eligibility = eligibility;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.effects()
                .on(EligibilityDecided.class, (event, decided) -> {
                    eligibility.keep(event, decided);
                    recordOnOpenCourses(event, EligibilityCopies.ref(event, decided), null);
                })
                .on(SafetyAlertRaised.class, (event, raised) ->
                        recordOnOpenCourses(event, null, new ScreeningAlert(raised.alertId(), raised.trigger(), null)))
                .on(SafetyAlertResolved.class, (event, resolved) ->
                        recordOnOpenCourses(event, null, new ScreeningAlert(resolved.alertId(), null, resolved.disposition())));
    }

    private void recordOnOpenCourses(IntegrationEvent<EventPayload> event, EligibilityRef decision, ScreeningAlert alert) {
        for (var courseId : courses.openCoursesOf(event.patientId())) {
            commands.sendFor(event, Actor.system(TreatmentApplication.NAME), event.clinicId(), new RecordScreeningFactCommand(
                    courseId, event.eventId(), event.type(), decision, alert, event.occurredAt()));
        }
    }
}
