package org.carecourse.scheduling.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.carecourse.servicekit.domain.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

class TreatmentSpacingTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final UUID DENVER = UUID.randomUUID();
    private static final UUID CHICAGO = UUID.randomUUID();
    /** 08:00 in Denver (MST), the morning's infusion. */
    private static final TreatmentSpacing.Live MORNING = new TreatmentSpacing.Live(UUID.randomUUID(), DENVER,
            Instant.parse("2027-01-12T15:00:00Z"));
    private static final TreatmentSpacing.Override FRONT_DESK = TreatmentSpacing.Override.NONE;
    private static final TreatmentSpacing.Override PRESCRIBER = new TreatmentSpacing.Override("rapid titration, Dr Ames", true);

    private static BusinessRuleViolation refusal(Runnable check) {
        try {
            check.run();
            return null;
        } catch (BusinessRuleViolation refused) {
            return refused;
        }
    }

    @Test
    void aSecondInfusionTheSameDayIsRefusedNamingTheFirst() {
        Instant noon = MORNING.startsAt().plus(Duration.ofHours(4));
        BusinessRuleViolation refused = refusal(() -> TreatmentSpacing.require(List.of(MORNING), noon, DAY));
        assertThat(refused).isNotNull();
        assertThat(refused.rule()).isEqualTo("treatment-spacing");
        assertThat(refused.getMessage()).contains(MORNING.appointmentId().toString());
        assertThat(refused.details().get("conflicts").toString()).contains(MORNING.appointmentId().toString(), DENVER.toString());
    }

    @Test
    void twentyThreeHoursFiftyNineMinutesLaterAtAnotherClinicIsRefusedAndTwentyFourHoursIsKept() {
        Instant almost = MORNING.startsAt().plus(Duration.ofHours(23).plusMinutes(59));
        assertThat(TreatmentSpacing.tooClose(List.of(MORNING), almost, DAY)).containsExactly(MORNING);
        assertThat(TreatmentSpacing.tooClose(List.of(MORNING), MORNING.startsAt().plus(DAY), DAY)).isEmpty();
        assertThat(TreatmentSpacing.tooClose(List.of(MORNING), MORNING.startsAt().minus(DAY), DAY)).as("the day before").isEmpty();
        assertThat(TreatmentSpacing.tooClose(List.of(MORNING), MORNING.startsAt().minus(DAY).plusSeconds(60), DAY)).hasSize(1);
        TreatmentSpacing.Live chicago = new TreatmentSpacing.Live(UUID.randomUUID(), CHICAGO, MORNING.startsAt().plus(Duration.ofHours(30)));
        assertThat(TreatmentSpacing.tooClose(List.of(MORNING, chicago), MORNING.startsAt().plus(Duration.ofHours(20)), DAY))
                .as("every appointment it is too close to, at any clinic").containsExactly(MORNING, chicago);
    }

    @Test
    void thePlanIsTheFloorARequestMayAskMoreNeverLessWithoutAPrescribersReason() {
        assertThat(TreatmentSpacing.required(24, null, FRONT_DESK)).isEqualTo(24);
        assertThat(TreatmentSpacing.required(24, 48, FRONT_DESK)).isEqualTo(48);
        assertThat(refusal(() -> TreatmentSpacing.required(24, 12, FRONT_DESK)).rule()).isEqualTo("spacing-below-plan");
        assertThat(refusal(() -> TreatmentSpacing.required(24, 12, new TreatmentSpacing.Override(null, true))).rule())
                .as("a prescriber without a reason").isEqualTo("spacing-below-plan");
        assertThat(TreatmentSpacing.required(24, 12, PRESCRIBER)).isEqualTo(12);
        assertThat(refusal(() -> TreatmentSpacing.required(24, 12, new TreatmentSpacing.Override("patient asked", false))).rule())
                .as("a front desk's reason is not an override").isEqualTo("plan-override-by-prescriber");
        assertThat(TreatmentSpacing.required(null, 24, FRONT_DESK)).as("a consult has no plan").isEqualTo(24);
    }

    @Test
    void theWindowMayBeNarrowedNeverWidenedWithoutAPrescribersReason() {
        assertThat(TreatmentSpacing.window(21, null, FRONT_DESK)).isEqualTo(21);
        assertThat(TreatmentSpacing.window(21, 14, FRONT_DESK)).isEqualTo(14);
        assertThat(refusal(() -> TreatmentSpacing.window(21, 28, FRONT_DESK)).rule()).isEqualTo("window-beyond-plan");
        assertThat(TreatmentSpacing.window(21, 28, PRESCRIBER)).isEqualTo(28);
    }
}
