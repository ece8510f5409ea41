package org.carecourse.billing.feeschedule.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carecourse.billing.feeschedule.api.FeeSchedule;
import org.carecourse.billing.feeschedule.api.FeeScheduleVersionPublishedEvent;
import org.carecourse.billing.feeschedule.api.PublishFeeScheduleCommand;
import org.carecourse.servicekit.domain.BusinessRuleViolation;

/**
 * A clinic's fee schedule as a series of versions, each in force from its effective date until the
 * next one's. Versions only move forward: a schedule never takes effect in the past, and never
 * before the latest published one, so a charge already posted is never priced differently later.
 */
@Aggregate
class ClinicFeeSchedule {

    @AggregateIdentifier
    private UUID clinicId;
    private int version;
    private LocalDate latestEffectiveFrom;
    private FeeSchedule latest;

    ClinicFeeSchedule() {
        // for Axon
    }

    /** The same schedule from the same day again changes nothing (a retried publication). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishFeeScheduleCommand command) {
        if (command.effectiveFrom().equals(latestEffectiveFrom) && command.schedule().equals(latest)) {
            return;
        }
        if (command.effectiveFrom().isBefore(command.today())) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, "effective-date-in-the-past",
                    "a fee schedule takes effect today (" + command.today() + ") or later, not " + command.effectiveFrom());
        }
        if (latestEffectiveFrom != null && !command.effectiveFrom().isAfter(latestEffectiveFrom)) {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.CONFLICT, "effective-date-not-after-latest",
                    "version " + version + " takes effect on " + latestEffectiveFrom + "; a new version must take effect after it");
        }
        apply(new FeeScheduleVersionPublishedEvent(command.clinicId(), version + 1, command.effectiveFrom(), command.schedule()));
    }

    @EventSourcingHandler
    void on(FeeScheduleVersionPublishedEvent event) {
        clinicId = event.clinicId();
        version = event.version();
        latestEffectiveFrom = event.effectiveFrom();
        latest = event.schedule();
    }
}
