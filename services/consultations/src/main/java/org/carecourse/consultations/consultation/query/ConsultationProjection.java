package org.carecourse.consultations.consultation.query;

import java.sql.Timestamp;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carecourse.consultations.consultation.api.Condition;
import org.carecourse.consultations.consultation.api.ConsultationCompletedEvent;
import org.carecourse.consultations.consultation.api.ConsultationRequestedEvent;
import org.carecourse.servicekit.axon.MetadataKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the {@code consultation_request} read model (the clinics' intake queues). */
@Component
@ProcessingGroup(ConsultationProjection.PROCESSOR)
class ConsultationProjection {

    static final String PROCESSOR = "consultations-requests";

    private final JdbcClient jdbc;

    ConsultationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConsultationRequestedEvent event, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        jdbc.sql("""
                        insert into consultation_request (consultation_id, patient_id, clinic_id, conditions, status,
                            contact_preference, referral_source, channel, requested_at, requested_by)
                        values (?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?)
                        on conflict (consultation_id) do nothing""")
                .params(event.consultationId(), event.patientId(), event.clinicId(),
                        event.conditions().stream().map(Condition::code).toArray(String[]::new),
                        event.contactPreference().code(), event.referralSource() == null ? null : event.referralSource().code(),
                        event.channel().code(), Timestamp.from(event.requestedAt()), actorId)
                .update();
    }

    @EventHandler
    void on(ConsultationCompletedEvent event, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        jdbc.sql("""
                        update consultation_request set status = 'COMPLETED', outcome = ?, outcome_reason = ?,
                            completed_at = ?, completed_by = ?
                        where consultation_id = ?""")
                .params(event.outcome().code(), event.reason(), Timestamp.from(event.completedAt()), actorId,
                        event.consultationId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from consultation_request").update();
    }
}
