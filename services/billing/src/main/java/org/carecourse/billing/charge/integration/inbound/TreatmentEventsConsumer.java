package org.carecourse.billing.charge.integration.inbound;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.billing.charge.pricing.ChargeDesk;
import org.carecourse.billing.charge.pricing.ChargePricing;
import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.treatment.InfusionAdministered;
import org.carecourse.contracts.treatment.PhaseChanged;
import org.carecourse.contracts.treatment.SessionCompleted;
import org.carecourse.contracts.treatment.SessionEntryAmended;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.contracts.treatment.TreatmentCourseOpened;
import org.carecourse.servicekit.messaging.InboundConsumer;
import org.carecourse.servicekit.messaging.InboundEffects;
import org.carecourse.servicekit.messaging.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Treatment's sessions become charges: an IV infusion when it ends (InfusionAdministered: what ran,
 * from start to stop, even if the session was then aborted; re-priced when its stop time or amount
 * is amended while the charge is open), a Spravato session at discharge (SessionCompleted). Courses and started sessions are copied for what the charge needs (phase,
 * modality, dose). Bound as {@code treatmentEvents-in-0}.
 */
@Component("treatmentEvents")
class TreatmentEventsConsumer extends InboundConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TreatmentEventsConsumer.class);
    private static final String SPRAVATO = "spravato";

    private final ChargeDesk desk;
    private final JdbcClient jdbc;

    TreatmentEventsConsumer(InboundEvents inbound, ChargeDesk desk, JdbcClient jdbc) {
        super(inbound, "billing-treatment");
        this.desk = desk;
        this.jdbc = jdbc;
    }

    @Override
    protected InboundEffects effects() {
        return InboundEffects.effects()
            .on(TreatmentCourseOpened.class, (event, opened) -> jdbc.sql("""
                            insert into course_copy (course_id, patient_id, modality, indication) values (?, ?, ?, ?)
                            on conflict (course_id) do nothing""")
                    .params(opened.courseId(), event.patientId(), opened.modality(), opened.indication()).update())
            .on(PhaseChanged.class, (event, changed) ->
                    jdbc.sql("update course_copy set phase = ? where course_id = ?").params(changed.to(), changed.courseId()).update())
            .on(SessionStarted.class, (event, started) -> jdbc.sql("""
                            insert into session_copy (session_id, course_id, patient_id, clinic_id, modality, dose_mg, started_at, started_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (session_id) do nothing""")
                    .params(started.sessionId(), started.courseId(), event.patientId(), event.clinicId(), started.modality(),
                            started.doseMg(), Timestamp.from(started.startedAt()), event.actor().userId())
                    .update())
            .on(InfusionAdministered.class, this::infusion)
            .on(SessionEntryAmended.class, this::reprice)
            .on(SessionCompleted.class, this::spravato);
    }

    private void infusion(IntegrationEvent<EventPayload> event, InfusionAdministered infusion) {
        boolean booster = booster(infusion.courseId());
        desk.post(event, event.patientId(), event.clinicId(), infusion.startedAt(), event.type(), infusion.sessionId(),
                p -> ChargePricing.infusion(p.clinicId(), p.day(), p.fees(), booster, infusion.startedAt(), infusion.stoppedAt(),
                        infusion.mgGiven()));
        ran(infusion.sessionId(), infusion.stoppedAt(), infusion.mgGiven(), ChargeDesk.chargeId(event.type(), infusion.sessionId()));
    }

    /**
     * A corrected stop time or amount given re-prices the infusion's charge while it is open; once
     * on an invoice, the correction is billing staff's (a credit note) and is only logged.
     */
    private void reprice(IntegrationEvent<EventPayload> event, SessionEntryAmended amended) {
        if (amended.stoppedAt() == null && amended.givenMg() == null) {
            return; // an amendment that does not touch what was charged
        }
        Optional<RanSession> ran = jdbc.sql("""
                        select s.clinic_id, s.course_id, s.started_at, s.stopped_at, s.mg_given, s.charge_id, c.invoice_id, c.voided_at
                        from session_copy s join charge c on c.charge_id = s.charge_id where s.session_id = ?""")
                .param(amended.sessionId())
                .query((rs, n) -> new RanSession(rs.getObject("clinic_id", UUID.class), rs.getObject("course_id", UUID.class),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("stopped_at").toInstant(), rs.getBigDecimal("mg_given"),
                        rs.getObject("charge_id", UUID.class), rs.getObject("invoice_id", UUID.class) != null || rs.getTimestamp("voided_at") != null))
                .optional();
        if (ran.isEmpty()) {
            LOG.warn("{} {} amends session {}, whose infusion billing has not charged; nothing to re-price", event.type(), event.eventId(),
                    amended.sessionId());
            return;
        }
        RanSession session = ran.get();
        if (session.settled()) {
            LOG.warn("{} {} amends session {} whose charge {} is invoiced or voided; billing corrects it by a credit note", event.type(),
                    event.eventId(), amended.sessionId(), session.chargeId());
            return;
        }
        Instant stoppedAt = amended.stoppedAt() != null ? amended.stoppedAt() : session.stoppedAt();
        BigDecimal mg = amended.givenMg() != null ? amended.givenMg() : session.mgGiven();
        boolean booster = booster(session.courseId());
        UUID replacement = desk.amend(event, event.patientId(), session.clinicId(), session.startedAt(), session.chargeId(), event.type(),
                event.eventId(), p -> ChargePricing.infusion(p.clinicId(), p.day(), p.fees(), booster, session.startedAt(), stoppedAt, mg));
        ran(amended.sessionId(), stoppedAt, mg, replacement);
    }

    private record RanSession(UUID clinicId, UUID courseId, Instant startedAt, Instant stoppedAt, BigDecimal mgGiven, UUID chargeId,
            boolean settled) {
    }

    private void ran(UUID sessionId, Instant stoppedAt, BigDecimal mgGiven, UUID chargeId) {
        jdbc.sql("update session_copy set stopped_at = ?, mg_given = ?, charge_id = ? where session_id = ?")
                .params(Timestamp.from(stoppedAt), mgGiven, chargeId, sessionId).update();
    }

    private boolean booster(UUID courseId) {
        return "maintenance".equals(phase(courseId).orElse(null));
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
