package org.carecourse.treatment.protocol.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.carecourse.treatment.protocol.api.PublishTreatmentProtocolCommand;
import org.carecourse.treatment.protocol.api.TreatmentProtocolPublishedEvent;

/**
 * A clinic's treatment protocol as a series of versions, only ever added; a course copies the
 * version in effect when it opens and is run by it to the end.
 */
@Aggregate
class ClinicTreatmentProtocol {

    @AggregateIdentifier
    private UUID clinicId;
    private int latestVersion;
    private Instant latestEffectiveFrom;

    ClinicTreatmentProtocol() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(PublishTreatmentProtocolCommand command) {
        if (latestEffectiveFrom != null && !command.effectiveFrom().isAfter(latestEffectiveFrom)) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, "protocol-effective-order",
                    "a new protocol version must take effect after version " + latestVersion + " (" + latestEffectiveFrom + ")");
        }
        int version = latestVersion + 1;
        apply(new TreatmentProtocolPublishedEvent(command.clinicId(), version, command.effectiveFrom(), command.protocol()));
        return version;
    }

    @EventSourcingHandler
    void on(TreatmentProtocolPublishedEvent event) {
        clinicId = event.clinicId();
        latestVersion = event.version();
        latestEffectiveFrom = event.effectiveFrom();
    }
}
