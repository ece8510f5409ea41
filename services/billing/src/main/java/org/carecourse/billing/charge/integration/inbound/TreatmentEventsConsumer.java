package org.carecourse.billing.charge.integration.inbound;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.carecourse.billing.charge.pricing.ChargeDesk;
import org.carecourse.billing.charge.pricing.ChargePricing;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.treatment.InfusionAdministered;
import org.carecourse.contracts.treatment.PhaseChanged;
import org.carecourse.contracts.treatment.SessionCompleted;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import org.carecourse.servicekit.messaging.InboundEvents;

/**
 * Treatment's sessions become charges: an IV infusion when it ends (InfusionAdministered: what ran,
 * from start to stop, even if the session was then aborted), a Spravato session at discharge
 * (SessionCompleted). Courses and started sessions are copied for what the charge needs (phase,
 * modality, dose). Bound as {@code treatmentEvents-in-0}.
 */
@Component("treatmentEvents")
class TreatmentEventsConsumer implements Consumer<Message<byte[]>> {

    private static final Logger LOG = LoggerFactory.getLogger(TreatmentEventsConsumer.class);
    private static final String SPRAVATO = "spravato";

    private final InboundEvents inbound;
    private final ChargeDesk desk;
    private final JdbcClient jdbc;

    TreatmentEventsConsumer(InboundEvents inbound, ChargeDesk desk, JdbcClient jdbc) {
        this.inbound = inbound;
        this.desk = desk;
        this.jdbc = jdbc;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.accept("billing-treatment", message.getPayload(), event -> {
            EventPayload payload = event.payload();
            if (payload instanceof TreatmentCourseOpened opened) {
                jdbc.sql("""
                                insert into course_copy (course_id, patient_id, modality, indication) values (?, ?, ?, ?)
                                on conflict (course_id) do nothing""")
                        .params(opened.courseId(), event.patientId(), opened.modality(), opened.indication()).update();
            } else if (payload instanceof PhaseChanged changed) {
                jdbc.sql("update course_copy set phase = ? where course_id = ?").params(changed.to(), changed.courseId()).update();
            } else if (payload instanceof SessionStarted started) {
                jdbc.sql("""
                                insert into session_copy (session_id, course_id, patient_id, clinic_id, modality, dose_mg, started_at, started_by)
                                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (session_id) do nothing""")
                        .params(started.sessionId(), started.courseId(), event.patientId(), event.clinicId(), started.modality(),
                                started.doseMg(), Timestamp.from(started.startedAt()), event.actor().userId())
                        .update();
            } else if (payload instanceof InfusionAdministered infusion) {
                boolean booster = "maintenance".equals(phase(infusion.courseId()).orElse(null));
                desk.post(event, event.patientId(), event.clinicId(), infusion.startedAt(), event.type(), infusion.sessionId(),
                        p -> ChargePricing.infusion(p.clinicId(), p.day(), p.fees(), booster, infusion.startedAt(), infusion.stoppedAt(),
                                infusion.mgGiven()));
            } else if (payload instanceof SessionCompleted completed) {
                spravato(event, completed);
            }
        });
    }

    private void spravato(IntegrationEvent<EventPayload> event, SessionCompleted completed) {
        var session = jdbc.sql("select modality, dose_mg, started_at from session_copy where session_id = ?")
                .param(completed.sessionId())
                .query((rs, n) -> new StartedSession(rs.getString("modality"), rs.getBigDecimal("dose_mg"),
                        rs.getTimestamp("started_at").toInstant()))
                .optional();
        if (session.isEmpty()) {
            LOG.warn("{} {} completes session {}, which billing never saw start; not charged", event.type(), event.eventId(),
                    completed.sessionId());
            return;
        }
        StartedSession started = session.get();
        if (!SPRAVATO.equals(started.modality())) {
            return; // an infusion was charged when it ended
        }
        desk.post(event, event.patientId(), event.clinicId(), started.startedAt(), event.type(), completed.sessionId(),
                p -> ChargePricing.spravato(p.clinicId(), p.day(), p.fees(), p.payer(), started.doseMg()));
    }

    private record StartedSession(String modality, BigDecimal doseMg, Instant startedAt) {
    }

    private Optional<String> phase(UUID courseId) {
        return jdbc.sql("select phase from course_copy where course_id = ?").param(courseId).query(String.class).optional();
    }
}
