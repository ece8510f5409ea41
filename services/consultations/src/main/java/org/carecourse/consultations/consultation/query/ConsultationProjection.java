package org.carecourse.consultations.consultation.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carecourse.consultations.consultation.api.Condition;
import org.carecourse.consultations.consultation.api.ConsultationRequestedEvent;
import org.carecourse.servicekit.axon.MetadataKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the {@code consultation_request} read model; rebuildable by resetting its processor. */
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
                        insert into consultation_request
                            (consultation_id, patient_id, clinic_id, conditions, status, requested_at, requested_by)
                        values (?, ?, ?, ?, 'REQUESTED', ?, ?)
                        on conflict (consultation_id) do nothing""")
                .params(event.consultationId(), event.patientId(), event.clinicId(),
                        event.conditions().stream().map(Condition::code).toArray(String[]::new),
                        java.sql.Timestamp.from(event.requestedAt()), actorId)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from consultation_request").update();
    }
}
