package org.carecourse.screening.protocol.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.screening.protocol.api.ProtocolParameters;
import org.carecourse.screening.protocol.api.ProtocolVersion;
import org.carecourse.screening.protocol.api.ProtocolVersionPublishedEvent;
import org.carecourse.servicekit.data.ClinicVersions;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Protocol versions per clinic. A subscribing processor (see screening.yml) keeps this table in
 * the publishing transaction, so a version is usable as soon as its command returns.
 */
@Component
@ProcessingGroup("screening-protocols")
public class ProtocolVersions {

    private final ClinicVersions<ProtocolParameters> versions;

    ProtocolVersions(JdbcClient jdbc) {
        this.versions = new ClinicVersions<>(jdbc, "protocol_version", "parameters", ProtocolParameters.class);
    }

    @EventHandler
    void on(ProtocolVersionPublishedEvent event) {
        versions.add(event.clinicId(), event.version(), event.effectiveFrom(), event.parameters());
    }

    @ResetHandler
    void reset() {
        versions.clear();
    }

    /** The version a case at the clinic is screened by now; 422 {@code protocol-required} if none is in effect. */
    public ProtocolVersion requireInEffect(UUID clinicId, Instant at) {
        return inEffect(clinicId, at).orElseThrow(() -> new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE,
                "protocol-required", "clinic " + clinicId + " has no screening protocol in effect"));
    }

    public Optional<ProtocolVersion> inEffect(UUID clinicId, Instant at) {
        return versions.inEffect(clinicId, at).map(ProtocolVersions::version);
    }

    public Optional<ProtocolVersion> find(UUID clinicId, int version) {
        return versions.find(clinicId, version).map(ProtocolVersions::version);
    }

    public List<ProtocolVersion> all(UUID clinicId) {
        return versions.all(clinicId).stream().map(ProtocolVersions::version).toList();
    }

    private static ProtocolVersion version(ClinicVersions.Versioned<ProtocolParameters> v) {
        return new ProtocolVersion(v.clinicId(), v.version(), v.effectiveFrom(), v.value());
    }
}
