package org.carecourse.treatment.course.query;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The latest eligibility decision per patient, as screening published it. */
@Component
public class EligibilityCopies {

    private final JdbcClient jdbc;

    EligibilityCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the decision unless a later one is already kept: decisions may arrive out of order
     * (a dead-lettered one replayed after newer ones), and an older decision must never win.
     */
    public void keep(IntegrationEvent<?> event, EligibilityDecided decided) {
        jdbc.sql("""
                        insert into eligibility_decision (patient_id, decision_id, source_event_id, clinic_id, modality, outcome,
                            protocol_version, valid_until, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (patient_id) do update set decision_id = excluded.decision_id,
                            source_event_id = excluded.source_event_id, clinic_id = excluded.clinic_id,
                            modality = excluded.modality, outcome = excluded.outcome,
                            protocol_version = excluded.protocol_version, valid_until = excluded.valid_until,
                            decided_at = excluded.decided_at
                        where eligibility_decision.decided_at <= excluded.decided_at""")
                .params(event.patientId(), decided.decisionId(), event.eventId(), event.clinicId(), decided.modality(),
                        decided.outcome(), decided.protocolVersion(), Date.valueOf(decided.validUntil()),
                        Timestamp.from(event.occurredAt()))
                .update();
    }

    public Optional<EligibilityRef> latest(UUID patientId) {
        return jdbc.sql("select * from eligibility_decision where patient_id = ?").param(patientId)
                .query((rs, n) -> new EligibilityRef(rs.getObject("decision_id", UUID.class),
                        rs.getObject("source_event_id", UUID.class), rs.getString("outcome"), rs.getString("modality"),
                        rs.getInt("protocol_version"), rs.getDate("valid_until").toLocalDate()))
                .optional();
    }
}
