package org.carecourse.screening.screeningcase.query;

import java.sql.Timestamp;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.carecourse.screening.screeningcase.api.ScreeningCaseOpenedEvent;
import org.carecourse.servicekit.axon.MetadataKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the {@code screening_case} read model; rebuildable by resetting its processor. */
@Component
@ProcessingGroup("screening-cases")
class ScreeningCaseProjection {

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

    @ResetHandler
    void reset() {
        jdbc.sql("delete from screening_case").update();
    }
}
