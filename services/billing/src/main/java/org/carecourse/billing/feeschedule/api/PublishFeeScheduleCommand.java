package org.carecourse.billing.feeschedule.api;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code today}: the clinic's calendar day when it was sent; a schedule may not take effect before it. */
public record PublishFeeScheduleCommand(@TargetAggregateIdentifier UUID clinicId, LocalDate effectiveFrom, LocalDate today,
        FeeSchedule schedule) {
}
