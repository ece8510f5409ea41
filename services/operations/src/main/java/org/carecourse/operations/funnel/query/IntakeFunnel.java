package org.carecourse.operations.funnel.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.consultations.ConsultationCompleted;
import org.carecourse.contracts.consultations.ConsultationRequested;
import org.carecourse.contracts.screening.EligibilityDecided;
import org.carecourse.contracts.treatment.SessionStarted;
import org.carecourse.operations.clinic.ClinicDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The intake funnel: requested → consulted → screened (a signed decision) → eligible → first
 * session, per patient by the clinic they first asked, each step at the first time it happened (a
 * fact arriving twice or late never moves a step later). Read per clinic for the patients who
 * asked on the clinic's days in a range: how many reached each step, the conversion from the step
 * before, and the median days it took.
 */
@Component
public class IntakeFunnel {

    public static final List<String> STEPS = List.of("requested", "consulted", "screened", "eligible", "first-session");
    private static final List<String> COLUMNS = List.of("requested_at", "consulted_at", "screened_at", "eligible_at", "first_session_at");

    private final JdbcClient jdbc;
    private final ClinicDirectory clinics;

    IntakeFunnel(JdbcClient jdbc, ClinicDirectory clinics) {
        this.jdbc = jdbc;
        this.clinics = clinics;
    }

    public void apply(IntegrationEvent<EventPayload> event) {
        EventPayload payload = event.payload();
        if (payload instanceof ConsultationRequested requested) {
            step(requested.patientId(), requested.preferredClinicId(), "requested_at", event.occurredAt());
        } else if (payload instanceof ConsultationCompleted completed) {
            step(completed.patientId(), null, "consulted_at", event.occurredAt());
        } else if (payload instanceof EligibilityDecided decided && event.patientId() != null) {
            step(event.patientId(), null, "screened_at", event.occurredAt());
            if ("eligible".equals(decided.outcome())) {
                step(event.patientId(), null, "eligible_at", event.occurredAt());
            }
        } else if (payload instanceof SessionStarted started && event.patientId() != null) {
            step(event.patientId(), null, "first_session_at", started.startedAt());
        }
    }

    /** A step of a clinic's funnel: patients who reached it, the share of those at the step before, and the median days from it. */
    public record Step(String step, long patients, BigDecimal conversion, BigDecimal medianDaysFromPrevious) {
    }

    public record Funnel(UUID clinicId, LocalDate from, LocalDate to, List<Step> steps) {
    }

    /** Every step's count, and each step's median days from the one before, in one pass over the clinic's patients. */
    private static final String FUNNEL_QUERY = "select "
            + IntStream.range(0, COLUMNS.size()).mapToObj(i -> "count(" + COLUMNS.get(i) + ") as reached_" + i
                    + (i == 0 ? "" : ", percentile_cont(0.5) within group (order by extract(epoch from (" + COLUMNS.get(i) + " - "
                            + COLUMNS.get(i - 1) + ")) / 86400.0) filter (where " + COLUMNS.get(i) + " is not null and "
                            + COLUMNS.get(i - 1) + " is not null) as median_" + i))
                    .collect(Collectors.joining(", "))
            + " from patient_funnel where clinic_id = :clinic and requested_at >= :start and requested_at < :end";

    public Funnel of(UUID clinicId, LocalDate from, LocalDate to) {
        // A clinic's days are its own calendar's; one the directory does not know is refused, never read as UTC.
        ZoneId zone = clinics.requireZone(clinicId);
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        List<Step> steps = jdbc.sql(FUNNEL_QUERY).param("clinic", clinicId).param("start", start).param("end", end)
                .query((rs, n) -> {
                    List<Step> read = new ArrayList<>();
                    long previous = 0;
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        long reached = rs.getLong("reached_" + i);
                        BigDecimal conversion = i == 0 || previous == 0 ? null
                                : BigDecimal.valueOf(reached).divide(BigDecimal.valueOf(previous), 3, RoundingMode.HALF_UP);
                        BigDecimal median = i == 0 ? null : rs.getBigDecimal("median_" + i);
                        read.add(new Step(STEPS.get(i), reached, conversion, median == null ? null : median.setScale(1, RoundingMode.HALF_UP)));
                        previous = reached;
                    }
                    return read;
                })
                .single();
        return new Funnel(clinicId, from, to, steps);
    }

    /** Records a step at its first time; the first request kept names the clinic the patient asked. */
    private void step(UUID patientId, UUID clinicId, String column, Instant at) {
        jdbc.sql("insert into patient_funnel (patient_id, clinic_id, " + column + ") values (?, ?, ?)"
                        + " on conflict (patient_id) do update set " + column + " = least(patient_funnel." + column + ", excluded." + column + "),"
                        + " clinic_id = coalesce(patient_funnel.clinic_id, excluded.clinic_id)")
                .params(patientId, clinicId, Timestamp.from(at)).update();
    }
}
