package org.carecourse.operations.outcome.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.treatment.OutcomeRecorded;
import org.carecourse.contracts.treatment.SessionStarted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outcomes per clinic: among courses with at least {@value #MINIMUM_SESSIONS} sessions and an
 * assessment on their target instrument, how many respond and remit by their latest one (as
 * treatment judged it against the baseline). A course counts at the clinic of its latest session.
 */
@Component
public class CourseOutcomes {

    public static final int MINIMUM_SESSIONS = 3;

    private final JdbcClient jdbc;

    CourseOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(IntegrationEvent<EventPayload> event) {
        if (event.payload() instanceof SessionStarted started && event.clinicId() != null) {
            jdbc.sql("""
                            insert into course_outcome (course_id, clinic_id, sessions) values (?, ?, 1)
                            on conflict (course_id) do update set sessions = course_outcome.sessions + 1, clinic_id = excluded.clinic_id""")
                    .params(started.courseId(), event.clinicId()).update();
        } else if (event.payload() instanceof OutcomeRecorded outcome && outcome.target() && event.clinicId() != null) {
            jdbc.sql("""
                            insert into course_outcome (course_id, clinic_id, response, remission, assessed_at) values (?, ?, ?, ?, ?)
                            on conflict (course_id) do update set response = excluded.response, remission = excluded.remission,
                                assessed_at = excluded.assessed_at
                            where course_outcome.assessed_at is null or course_outcome.assessed_at <= excluded.assessed_at""")
                    .params(outcome.courseId(), event.clinicId(), outcome.response(), outcome.remission(), Timestamp.from(event.occurredAt()))
                    .update();
        }
    }

    public record Outcomes(UUID clinicId, long courses, long responders, long remitters, BigDecimal responseRate, BigDecimal remissionRate) {
    }

    public List<Outcomes> of(List<UUID> clinicIds) {
        return jdbc.sql("""
                        select c.clinic_id, count(o.course_id) as courses,
                            count(o.course_id) filter (where o.response) as responders,
                            count(o.course_id) filter (where o.remission) as remitters
                        from unnest(array[:clinics]::uuid[]) as c(clinic_id)
                        left join course_outcome o on o.clinic_id = c.clinic_id and o.sessions >= :minimum and o.assessed_at is not null
                        group by c.clinic_id order by c.clinic_id""")
                .param("clinics", clinicIds).param("minimum", MINIMUM_SESSIONS)
                .query((rs, n) -> {
                    long courses = rs.getLong("courses");
                    long responders = rs.getLong("responders");
                    long remitters = rs.getLong("remitters");
                    return new Outcomes(rs.getObject("clinic_id", UUID.class), courses, responders, remitters, rate(responders, courses),
                            rate(remitters, courses));
                })
                .list();
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
