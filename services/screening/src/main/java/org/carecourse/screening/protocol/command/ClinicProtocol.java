package org.carecourse.screening.protocol.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.screening.protocol.api.ProtocolVersionPublishedEvent;
import org.carecourse.screening.protocol.api.PublishProtocolVersionCommand;
import org.carecourse.servicekit.domain.BusinessRuleViolation;

/**
 * The screening protocol of one clinic as a series of versions. Versions are only added, never
 * changed, so old decisions keep citing exactly what they used.
 */
@Aggregate
class ClinicProtocol {

    @AggregateIdentifier
    private UUID clinicId;
    private int latestVersion;
    private Instant latestEffectiveFrom;

    ClinicProtocol() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(PublishProtocolVersionCommand command) {
        if (latestEffectiveFrom != null && !command.effectiveFrom().isAfter(latestEffectiveFrom)) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, "protocol-effective-order",
                    "a new protocol version must take effect after version " + latestVersion
                            + " (" + latestEffectiveFrom + ")");
        }
        int version = latestVersion + 1;
        apply(new ProtocolVersionPublishedEvent(command.clinicId(), version, command.effectiveFrom(), command.parameters()));
        return version;
    }

    @EventSourcingHandler
    void on(ProtocolVersionPublishedEvent event) {
        this.clinicId = event.clinicId();
        this.latestVersion = event.version();
        this.latestEffectiveFrom = event.effectiveFrom();
    }
}
