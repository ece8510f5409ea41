package org.carecourse.billing.feeschedule.command;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.carecourse.billing.feeschedule.api.FeeSchedule;
import org.carecourse.billing.feeschedule.api.FeeScheduleVersionPublishedEvent;
import org.carecourse.billing.feeschedule.api.PublishFeeScheduleCommand;
import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

class ClinicFeeScheduleTest {

    private static final UUID CLINIC = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
    private static final FeeSchedule SCHEDULE = FeeSchedule.chainDefault();

    private final AggregateTestFixture<ClinicFeeSchedule> fixture = new AggregateTestFixture<>(ClinicFeeSchedule.class);

    @Test
    void versionsMoveForwardFromTodayAndARepeatChangesNothing() {
        FeeScheduleVersionPublishedEvent first = new FeeScheduleVersionPublishedEvent(CLINIC, 1, TODAY, SCHEDULE);
        fixture.givenNoPriorActivity()
                .when(new PublishFeeScheduleCommand(CLINIC, TODAY, TODAY, SCHEDULE))
                .expectEvents(first);
        fixture.given(first)
                .when(new PublishFeeScheduleCommand(CLINIC, TODAY, TODAY, SCHEDULE))
                .expectNoEvents();
        fixture.given(first)
                .when(new PublishFeeScheduleCommand(CLINIC, TODAY.plusDays(30), TODAY, SCHEDULE))
                .expectEvents(new FeeScheduleVersionPublishedEvent(CLINIC, 2, TODAY.plusDays(30), SCHEDULE));
    }

    @Test
    void cannotTakeEffectInThePastOrBeforeTheLatestVersion() {
        fixture.givenNoPriorActivity()
                .when(new PublishFeeScheduleCommand(CLINIC, TODAY.minusDays(1), TODAY, SCHEDULE))
                .expectException(BusinessRuleViolation.class);
        fixture.given(new FeeScheduleVersionPublishedEvent(CLINIC, 1, TODAY.plusDays(10), SCHEDULE))
                .when(new PublishFeeScheduleCommand(CLINIC, TODAY.plusDays(5), TODAY, SCHEDULE))
                .expectException(BusinessRuleViolation.class);
    }
}
