package org.carecourse.billing.feeschedule.api;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.serialization.Revision;

@Revision("1")
public record FeeScheduleVersionPublishedEvent(UUID clinicId, int version, LocalDate effectiveFrom, FeeSchedule schedule) {
}
