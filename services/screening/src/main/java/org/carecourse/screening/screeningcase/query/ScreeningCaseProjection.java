package org.carecourse.screening.screeningcase.query;

import java.sql.Timestamp;
import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carecourse.screening.screeningcase.api.ClinicalHistoryRecordedEvent;
import org.carecourse.screening.screeningcase.api.EligibilityDecidedEvent;
import org.carecourse.screening.screeningcase.api.InstrumentScoredEvent;
import org.carecourse.screening.screeningcase.api.SafetyAlertRaisedEvent;
import org.carecourse.screening.screeningcase.api.SafetyAlertResolvedEvent;
import org.carecourse.screening.screeningcase.api.ScreeningCaseOpenedEvent;
import org.carecourse.servicekit.axon.MetadataKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The screening read models: cases, submissions, history, the clinics' alert queues and
 * decisions. A subscribing processor (screening.yml) updates them in the command's own
 * transaction, so a clinician reads their own writes at once.
 */
@Component
@ProcessingGroup("screening-cases")
class ScreeningCaseProjection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ScreeningCaseProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ScreeningCaseOpenedEvent event, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        jdbc.sql("""
                        insert into screening_case (case_id, patient_id, clinic_id, consultation_id, status, opened_at, opened_by)
                        values (?, ?, ?, ?, 'OPEN', ?, ?)
                        on conflict (case_id) do nothing""")
                .params(event.caseId(), event.patientId(), event.clinicId(), event.consultationId(),
                        Timestamp.from(event.openedAt()), actorId)
                .update();
    }

    @EventHandler
    void on(InstrumentScoredEvent event, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        jdbc.sql("""
                        insert into instrument_submission (submission_id, case_id, instrument, answers, total, band,
                            safety_concern, provisional_ptsd, dsm5_cluster_met, submitted_at, submitted_by)
                        values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(event.submissionId(), event.caseId(), event.score().instrument().code(),
                        JSON.writeValueAsString(event.answers()), event.score().total(), event.score().band(),
                        event.score().safetyConcern(), event.score().provisionalPtsd(), event.score().dsm5ClusterMet(),
                        Timestamp.from(event.submittedAt()), actorId)
                .update();
    }

    @EventHandler
    void on(ClinicalHistoryRecordedEvent event, @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        jdbc.sql("""
                        insert into clinical_history (case_id, history, recorded_at, recorded_by)
                        values (?, cast(? as jsonb), ?, ?)
                        on conflict (case_id) do update set history = excluded.history,
                            recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
                .params(event.caseId(), JSON.writeValueAsString(event.history()), Timestamp.from(recordedAt), actorId)
                .update();
    }

    @EventHandler
    void on(SafetyAlertRaisedEvent event) {
        jdbc.sql("""
                        insert into safety_alert (alert_id, case_id, patient_id, clinic_id, trigger, status, raised_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?) on conflict do nothing""")
                .params(event.alertId(), event.caseId(), event.patientId(), event.clinicId(), event.trigger(),
                        Timestamp.from(event.raisedAt()))
                .update();
        jdbc.sql("update screening_case set open_alert_id = ? where case_id = ?").params(event.alertId(), event.caseId()).update();
    }

    @EventHandler
    void on(SafetyAlertResolvedEvent event, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        jdbc.sql("""
                        update safety_alert set status = 'RESOLVED', resolved_at = ?, resolved_by = ?, cssrs_risk = ?,
                            disposition = ?, safety_plan = ?
                        where alert_id = ?""")
                .params(Timestamp.from(event.resolvedAt()), actorId, event.cssrsRisk(), event.disposition().code(),
                        event.safetyPlan(), event.alertId())
                .update();
        jdbc.sql("update screening_case set open_alert_id = null where case_id = ?").param(event.caseId()).update();
    }

    @EventHandler
    void on(EligibilityDecidedEvent event, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        jdbc.sql("""
                        insert into eligibility_decision (decision_id, case_id, modality, outcome, proposed_outcome,
                            override_reason, rules_fired, scores, protocol_version, valid_until, signed_at, signed_by)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?) on conflict do nothing""")
                .params(event.decisionId(), event.caseId(), event.modality().code(), event.outcome().code(),
                        event.proposedOutcome().code(), event.overrideReason(), JSON.writeValueAsString(event.rulesFired()),
                        JSON.writeValueAsString(event.scores()), event.protocolVersion(), event.validUntil(),
                        Timestamp.from(event.signedAt()), actorId)
                .update();
        jdbc.sql("update screening_case set status = 'DECIDED', decided_outcome = ? where case_id = ?")
                .params(event.outcome().code(), event.caseId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate eligibility_decision, safety_alert, clinical_history, instrument_submission, screening_case").update();
    }
}
