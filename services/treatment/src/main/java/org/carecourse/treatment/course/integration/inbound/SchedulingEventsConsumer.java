package org.carecourse.treatment.course.integration.inbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.carecourse.contracts.Actor;
import org.carecourse.contracts.scheduling.AppointmentCancelled;
import org.carecourse.contracts.scheduling.AppointmentCompleted;
import org.carecourse.contracts.scheduling.AppointmentNoShowed;
import org.carecourse.servicekit.axon.CommandDispatch;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.carecourse.treatment.TreatmentApplication;
import org.carecourse.treatment.course.api.RecordExternalFactCommand;
import org.carecourse.treatment.course.query.CourseDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Scheduling's word on the course's appointments: a completed, missed (no-show) or late-cancelled
 * appointment enters the course it was booked for, once, with its provenance, so the course's
 * history shows attendance next to the sessions. Bound as {@code schedulingEvents-in-0}.
 */
@Component("schedulingEvents")
class SchedulingEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulingEventsConsumer.class);

    private final InboundEvents inbound;
    private final CourseDirectory courses;
    private final CommandDispatch commands;

    SchedulingEventsConsumer(InboundEvents inbound, CourseDirectory courses, CommandDispatch commands) {
        this.inbound = inbound;
        this.courses = courses;
        this.commands = commands;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.accept("treatment-scheduling", message.getPayload(), event -> {
            Map<String, String> facts = new LinkedHashMap<>();
            UUID courseId;
            if (event.payload() instanceof AppointmentCompleted completed) {
                courseId = appointment(facts, completed.courseId(), completed.appointmentId(), completed.type(), completed.startsAt());
                facts.put("completedAt", completed.completedAt().toString());
            } else if (event.payload() instanceof AppointmentNoShowed noShowed) {
                courseId = appointment(facts, noShowed.courseId(), noShowed.appointmentId(), noShowed.type(), noShowed.startsAt());
            } else if (event.payload() instanceof AppointmentCancelled cancelled && cancelled.late() && cancelled.byPatient()) {
                courseId = appointment(facts, cancelled.courseId(), cancelled.appointmentId(), cancelled.type(), cancelled.startsAt());
                facts.put("reason", cancelled.reason());
            } else {
                return;
            }
            if (courseId == null || courses.find(courseId).isEmpty()) {
                LOG.warn("{} {} names course {}, which treatment does not hold; not recorded", event.type(), event.eventId(), courseId);
                return;
            }
            commands.sendFor(event, Actor.system(TreatmentApplication.NAME), event.clinicId(), new RecordExternalFactCommand(courseId,
                    "scheduling", event.eventId(), event.type(), facts, event.occurredAt()));
        });
    }

    /** The facts every appointment fact carries; answers the course it serves. */
    private static UUID appointment(Map<String, String> facts, UUID courseId, UUID appointmentId, String type, Instant startsAt) {
        facts.put("appointmentId", appointmentId.toString());
        facts.put("type", type);
        facts.put("startsAt", startsAt.toString());
        return courseId;
    }
}
