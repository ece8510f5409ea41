package org.carecourse.treatment.course.integration.inbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.carecourse.contracts.Actor;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.scheduling.AppointmentCancelled;
import org.carecourse.contracts.scheduling.AppointmentCompleted;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.carecourse.treatment.TreatmentApplication;
import org.carecourse.treatment.course.api.RecordExternalFactCommand;
import org.carecourse.treatment.course.query.CourseDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scheduling's word on the course's appointments: a completed, missed (no-show) or late-cancelled
 * appointment enters the course it was booked for, once, with its provenance, so the course's
 * history shows attendance next to the sessions. Bound as {@code schedulingEvents-in-0}.
 */
@Component("schedulingEvents")
class SchedulingEventsConsumer extends InboundConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulingEventsConsumer.class);

    private final CourseDirectory courses;
    private final CommandDispatch commands;

    SchedulingEventsConsumer(InboundEvents inbound, CourseDirectory courses, CommandDispatch commands) {
        super(inbound, "treatment-scheduling");
        this.courses = courses;
        this.commands = commands;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.effects()
                .on(AppointmentCompleted.class, (event, completed) -> {
                    Map<String, String> facts = appointment(completed.appointmentId(), completed.type(), completed.startsAt());
                    facts.put("completedAt", completed.completedAt().toString());
                    record(event, completed.courseId(), facts);
                })
                .on(AppointmentNoShowed.class, (event, noShowed) ->
                        record(event, noShowed.courseId(), appointment(noShowed.appointmentId(), noShowed.type(), noShowed.startsAt())))
                .on(AppointmentCancelled.class, (event, cancelled) -> {
                    if (cancelled.late() && cancelled.byPatient()) {
                        Map<String, String> facts = appointment(cancelled.appointmentId(), cancelled.type(), cancelled.startsAt());
                        facts.put("reason", cancelled.reason());
                        record(event, cancelled.courseId(), facts);
                    }
                });
    }

    private void record(IntegrationEvent<EventPayload> event, UUID courseId, Map<String, String> facts) {
        if (courseId == null || courses.find(courseId).isEmpty()) {
            LOG.warn("{} {} names course {}, which treatment does not hold; not recorded", event.type(), event.eventId(), courseId);
            return;
        }
        commands.sendFor(event, Actor.system(TreatmentApplication.NAME), event.clinicId(), new RecordExternalFactCommand(courseId,
                "scheduling", event.eventId(), event.type(), facts, event.occurredAt()));
    }

    /** The facts every appointment fact carries. */
    private static Map<String, String> appointment(UUID appointmentId, String type, Instant startsAt) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("appointmentId", appointmentId.toString());
        facts.put("type", type);
        facts.put("startsAt", startsAt.toString());
        return facts;
    }
}
