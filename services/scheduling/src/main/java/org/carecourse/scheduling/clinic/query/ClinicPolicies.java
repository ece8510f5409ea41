package org.carecourse.scheduling.clinic.query;

import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.scheduling.clinic.api.SchedulingPolicy;
import org.carecourse.scheduling.clinic.api.SchedulingPolicySetEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Each clinic's scheduling policy as last set; kept in the command's transaction, so the next booking follows it. */
@Component
@ProcessingGroup("scheduling-resources")
public class ClinicPolicies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ClinicPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchedulingPolicySetEvent event) {
        jdbc.sql("""
                        insert into clinic_policy (clinic_id, policy) values (?, ?::jsonb)
                        on conflict (clinic_id) do update set policy = excluded.policy""")
                .params(event.clinicId(), JSON.writeValueAsString(event.policy())).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate clinic_policy").update();
    }

    /** The clinic's policy; {@link SchedulingPolicy#defaults()} while its admins have not set one. */
    public SchedulingPolicy of(UUID clinicId) {
        return jdbc.sql("select policy from clinic_policy where clinic_id = ?").param(clinicId).query(String.class).optional()
                .map(policy -> JSON.readValue(policy, SchedulingPolicy.class)).orElseGet(SchedulingPolicy::defaults);
    }
}
