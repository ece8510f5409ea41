package org.carecourse.operations.capacity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.carecourse.contracts.EventPayload;
import org.carecourse.contracts.IntegrationEvent;
import org.carecourse.contracts.scheduling.ChairAdded;
import org.carecourse.contracts.scheduling.ClinicHoursSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each clinic can offer: its chairs and rooms times the minutes it is open on a day (its
 * weekday's ranges on its own clock, nothing on a closed date). Today's chairs and hours, applied
 * to every day asked: a chair added or hours changed later count for earlier days too.
 */
@Component
public class ClinicCapacity {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ClinicHoursSet.Range>> RANGES = new TypeReference<>() {
    };
    private static final TypeReference<List<LocalDate>> DATES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ClinicCapacity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(IntegrationEvent<EventPayload> event) {
        if (event.payload() instanceof ChairAdded chair) {
            jdbc.sql("insert into clinic_chair (chair_id, clinic_id) values (?, ?) on conflict (chair_id) do nothing")
                    .params(chair.chairId(), chair.clinicId()).update();
        } else if (event.payload() instanceof ClinicHoursSet hours) {
            jdbc.sql("""
                            insert into clinic_hours (clinic_id, weekly, closures, set_at) values (?, ?::jsonb, ?::jsonb, ?)
                            on conflict (clinic_id) do update set weekly = excluded.weekly, closures = excluded.closures,
                                set_at = excluded.set_at
                            where clinic_hours.set_at <= excluded.set_at""")
                    .params(hours.clinicId(), JSON.writeValueAsString(hours.weekly()), JSON.writeValueAsString(hours.closures()),
                            Timestamp.from(event.occurredAt()))
                    .update();
        }
    }

    /** A clinic's chairs and hours, read once per request and asked per day. */
    public record Offer(long chairs, List<ClinicHoursSet.Range> weekly, List<LocalDate> closures) {

        public long chairMinutes(LocalDate day) {
            if (closures.contains(day)) {
                return 0;
            }
            long open = weekly.stream().filter(range -> range.day().equals(day.getDayOfWeek().name()))
                    .mapToLong(range -> Duration.between(LocalTime.parse(range.opens()), LocalTime.parse(range.closes())).toMinutes())
                    .sum();
            return chairs * open;
        }
    }

    public Offer offer(UUID clinicId) {
        long chairs = jdbc.sql("select count(*) from clinic_chair where clinic_id = ?").param(clinicId).query(Long.class).single();
        Optional<Offer> hours = jdbc.sql("select weekly, closures from clinic_hours where clinic_id = ?").param(clinicId)
                .query((rs, n) -> new Offer(chairs, JSON.readValue(rs.getString("weekly"), RANGES),
                        JSON.readValue(rs.getString("closures"), DATES)))
                .optional();
        return hours.orElse(new Offer(chairs, List.of(), List.of()));
    }
}
