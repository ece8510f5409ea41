package org.carecourse.operations.watch.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.screening.SafetyAlertRaised;
import org.carecourse.contracts.screening.SafetyAlertResolved;
import org.carecourse.contracts.treatment.CourseSafetyAlertRaised;
import org.carecourse.contracts.treatment.CourseSafetyAlertResolved;
import org.carecourse.contracts.treatment.RemsFormDue;
import org.carecourse.contracts.treatment.RemsFormSubmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What needs attention at each clinic: open safety alerts (screening's, and treatment's during a
 * course; screening's alert that entered a course is one alert, under screening's id) and Spravato
 * REMS forms owed, overdue once their deadline has passed.
 */
@Component
public class ClinicWatch {

    private final JdbcClient jdbc;

    ClinicWatch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(IntegrationEvent<EventPayload> event) {
        EventPayload payload = event.payload();
        if (payload instanceof SafetyAlertRaised raised && event.clinicId() != null) {
            raised(raised.alertId(), event.clinicId(), "screening", event.occurredAt());
        } else if (payload instanceof CourseSafetyAlertRaised raised && event.clinicId() != null) {
            raised(raised.alertId(), event.clinicId(), raised.source(), event.occurredAt());
        } else if (payload instanceof SafetyAlertResolved resolved) {
            resolved(resolved.alertId(), event.occurredAt());
        } else if (payload instanceof CourseSafetyAlertResolved resolved) {
            resolved(resolved.alertId(), event.occurredAt());
        } else if (payload instanceof RemsFormDue due && event.clinicId() != null) {
            jdbc.sql("insert into rems_form (session_id, clinic_id, due_by) values (?, ?, ?) on conflict (session_id) do nothing")
                    .params(due.sessionId(), event.clinicId(), Timestamp.from(due.dueBy())).update();
        } else if (payload instanceof RemsFormSubmitted submitted) {
            jdbc.sql("update rems_form set submitted_at = coalesce(submitted_at, ?) where session_id = ?")
                    .params(Timestamp.from(submitted.submittedAt()), submitted.sessionId()).update();
        }
    }

    /** A clinic's open alerts (and since when the oldest is open) and its REMS forms owed and overdue at {@code at}. */
    public record Watch(UUID clinicId, long openSafetyAlerts, Instant oldestOpenAlertRaisedAt, long remsFormsOwed,
            long remsFormsOverdue) {
    }

    public List<Watch> of(List<UUID> clinicIds, Instant at) {
        Timestamp now = Timestamp.from(at);
        return jdbc.sql("""
                        select c.clinic_id,
                            (select count(*) from safety_alert a where a.clinic_id = c.clinic_id and a.resolved_at is null) as alerts,
                            (select min(raised_at) from safety_alert a where a.clinic_id = c.clinic_id and a.resolved_at is null) as oldest,
                            (select count(*) from rems_form r where r.clinic_id = c.clinic_id and r.submitted_at is null) as owed,
                            (select count(*) from rems_form r where r.clinic_id = c.clinic_id and r.submitted_at is null
                                and r.due_by < :now) as overdue
                        from unnest(array[:clinics]::uuid[]) as c(clinic_id) order by c.clinic_id""")
                .param("clinics", clinicIds).param("now", now)
                .query((rs, n) -> new Watch(rs.getObject("clinic_id", UUID.class), rs.getLong("alerts"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant(), rs.getLong("owed"),
                        rs.getLong("overdue")))
                .list();
    }

    private void raised(UUID alertId, UUID clinicId, String source, Instant at) {
        jdbc.sql("insert into safety_alert (alert_id, clinic_id, source, raised_at) values (?, ?, ?, ?) on conflict (alert_id) do nothing")
                .params(alertId, clinicId, source, Timestamp.from(at)).update();
    }

    private void resolved(UUID alertId, Instant at) {
        jdbc.sql("update safety_alert set resolved_at = coalesce(resolved_at, ?) where alert_id = ?").params(Timestamp.from(at), alertId)
                .update();
    }
}
