package org.carecourse.treatment.protocol.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carecourse.servicekit.data.ClinicVersions;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.treatment.clinical.TreatmentProtocol;
import org.carecourse.treatment.protocol.api.TreatmentProtocolPublishedEvent;
import org.carecourse.treatment.protocol.api.TreatmentProtocolVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Treatment protocol versions per clinic, kept in the publishing transaction (subscribing processor). */
@Component
@ProcessingGroup("treatment-protocols")
public class TreatmentProtocolVersions {

    private final ClinicVersions<TreatmentProtocol> versions;

    TreatmentProtocolVersions(JdbcClient jdbc) {
        this.versions = new ClinicVersions<>(jdbc, "treatment_protocol_version", "protocol", TreatmentProtocol.class);
    }

    @EventHandler
    void on(TreatmentProtocolPublishedEvent event) {
        versions.add(event.clinicId(), event.version(), event.effectiveFrom(), event.protocol());
    }

    @ResetHandler
    void reset() {
        versions.clear();
    }

    /** The version a course opening at the clinic now copies; 422 {@code treatment-protocol-required} if none is in effect. */
    public TreatmentProtocolVersion requireInEffect(UUID clinicId, Instant at) {
        return inEffect(clinicId, at).orElseThrow(() -> new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE,
                "treatment-protocol-required", "clinic " + clinicId + " has no treatment protocol in effect"));
    }

    public Optional<TreatmentProtocolVersion> inEffect(UUID clinicId, Instant at) {
        return versions.inEffect(clinicId, at).map(TreatmentProtocolVersions::version);
    }

    public Optional<TreatmentProtocolVersion> find(UUID clinicId, int version) {
        return versions.find(clinicId, version).map(TreatmentProtocolVersions::version);
    }

    public List<TreatmentProtocolVersion> all(UUID clinicId) {
        return versions.all(clinicId).stream().map(TreatmentProtocolVersions::version).toList();
    }

    private static TreatmentProtocolVersion version(ClinicVersions.Versioned<TreatmentProtocol> v) {
        return new TreatmentProtocolVersion(v.clinicId(), v.version(), v.effectiveFrom(), v.value());
    }
}
