package org.carecourse.scheduling.clinic.query;

import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.scheduling.clinic.api.SchedulingPolicy;
import org.carecourse.scheduling.clinic.api.SchedulingPolicySetEvent;
import org.carecourse.servicekit.data.ClinicSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each clinic's scheduling policy as last set; kept in the command's transaction, so the next booking follows it. */
@Component
@ProcessingGroup("scheduling-resources")
public class ClinicPolicies {

    private final ClinicSettings<SchedulingPolicy> policy;

    ClinicPolicies(JdbcClient jdbc) {
        this.policy = new ClinicSettings<>(jdbc, "clinic_policy", "policy", SchedulingPolicy.class);
    }

    @EventHandler
    void on(SchedulingPolicySetEvent event) {
        policy.set(event.clinicId(), event.policy());
    }

    @ResetHandler
    void reset() {
        policy.clear();
    }

    /** The clinic's policy; {@link SchedulingPolicy#defaults()} while its admins have not set one. */
    public SchedulingPolicy of(UUID clinicId) {
        return policy.of(clinicId).orElseGet(SchedulingPolicy::defaults);
    }
}
