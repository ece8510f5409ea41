package org.carecourse.billing.feeschedule.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.carecourse.billing.charge.pricing.ChargePricing;
import org.carecourse.billing.feeschedule.api.FeeSchedule;
import org.carecourse.billing.feeschedule.api.FeeScheduleVersionPublishedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Every clinic's fee schedule versions, kept in the publishing transaction; and which one is in force on a day. */
@Component
@ProcessingGroup("billing-fee-schedules")
public class FeeSchedules {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    FeeSchedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FeeScheduleVersionPublishedEvent event) {
        jdbc.sql("insert into fee_schedule_version (clinic_id, version, effective_from, schedule) values (?, ?, ?, ?::jsonb)")
                .params(event.clinicId(), event.version(), event.effectiveFrom(), JSON.writeValueAsString(event.schedule())).update();
    }

    public record Version(int version, LocalDate effectiveFrom, FeeSchedule schedule) {
    }

    /** The version in force at the clinic on the day; the chain's list prices (version 0) before its first. */
    public ChargePricing.InForce inForce(UUID clinicId, LocalDate day) {
        return jdbc.sql("""
                        select version, schedule from fee_schedule_version where clinic_id = ? and effective_from <= ?
                        order by effective_from desc limit 1""")
                .params(clinicId, day)
                .query((rs, n) -> new ChargePricing.InForce(rs.getInt("version"), JSON.readValue(rs.getString("schedule"), FeeSchedule.class)))
                .optional().orElseGet(() -> new ChargePricing.InForce(0, FeeSchedule.chainDefault()));
    }

    public List<Version> versions(UUID clinicId) {
        return jdbc.sql("select version, effective_from, schedule from fee_schedule_version where clinic_id = ? order by version")
                .param(clinicId)
                .query((rs, n) -> new Version(rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
                        JSON.readValue(rs.getString("schedule"), FeeSchedule.class)))
                .list();
    }
}
