package org.carecourse.treatment.course.query;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.instruments.Instrument;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.servicekit.domain.Coded;
import org.carecourse.treatment.course.api.BaselineScore;
import org.carecourse.treatment.course.api.EligibilityRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The latest eligibility decision per patient, as screening published it. */
@Component
public class EligibilityCopies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
                            protocol_version, valid_until, decided_at, scores)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                        on conflict (patient_id) do update set decision_id = excluded.decision_id,
                            source_event_id = excluded.source_event_id, clinic_id = excluded.clinic_id,
                            modality = excluded.modality, outcome = excluded.outcome,
                            protocol_version = excluded.protocol_version, valid_until = excluded.valid_until,
                            decided_at = excluded.decided_at, scores = excluded.scores
                        where eligibility_decision.decided_at <= excluded.decided_at""")
                .params(event.patientId(), decided.decisionId(), event.eventId(), event.clinicId(), decided.modality(),
                        decided.outcome(), decided.protocolVersion(), Date.valueOf(decided.validUntil()),
                        Timestamp.from(event.occurredAt()), JSON.writeValueAsString(baseline(decided)))
                .update();
    }

    /** The patient's latest decision, which a course opens from; 422 {@code eligibility-required} if screening decided none. */
    public KnownEligibility requireLatest(UUID patientId) {
        return latest(patientId).orElseThrow(() -> new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE,
                "eligibility-required", "no eligibility decision is known for this patient"));
    }

    public Optional<KnownEligibility> latest(UUID patientId) {
        return jdbc.sql("select * from eligibility_decision where patient_id = ?").param(patientId)
                .query((rs, n) -> new KnownEligibility(ref(rs.getObject("decision_id", UUID.class),
                        rs.getObject("source_event_id", UUID.class), rs.getString("outcome"), rs.getString("modality"),
                        rs.getInt("protocol_version"), rs.getDate("valid_until").toLocalDate()),
                        List.of(JSON.readValue(rs.getString("scores"), BaselineScore[].class))))
                .optional();
    }

    /** The decision as a course cites it. */
    public static EligibilityRef ref(IntegrationEvent<?> event, EligibilityDecided decided) {
        return ref(decided.decisionId(), event.eventId(), decided.outcome(), decided.modality(), decided.protocolVersion(),
                decided.validUntil());
    }

    private static EligibilityRef ref(UUID decisionId, UUID sourceEventId, String outcome, String modality, int protocolVersion,
            LocalDate validUntil) {
        return new EligibilityRef(decisionId, sourceEventId, outcome, modality, protocolVersion, validUntil);
    }

    /**
     * The instruments screening scored for the decision, as a course's baseline; instruments this
     * service does not know (a future one) are left out rather than refused.
     */
    static List<BaselineScore> baseline(EligibilityDecided decided) {
        return decided.scores().stream()
                .flatMap(score -> Coded.find(Instrument.values(), score.instrument()).stream()
                        .map(instrument -> new BaselineScore(instrument, score.total())))
                .toList();
    }

    /** The latest decision and the scores it was made on. */
    public record KnownEligibility(EligibilityRef decision, List<BaselineScore> scores) {
    }
}
